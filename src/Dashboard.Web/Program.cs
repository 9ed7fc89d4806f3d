using Dashboard.Storage;
using Dashboard.Training.Extensions;
using Dashboard.Web.Extensions;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Dashboard.Worker;

// The same executable runs one experiment run when started as `Dashboard.Web worker ...`.
if (WorkerCommandLine.IsWorkerInvocation(args))
{
    return WorkerProgram.Run(args);
}

// `Dashboard.Web users ...` adds and lists users without starting the server.
if (UsersCommand.IsUsersInvocation(args))
{
    return UsersCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(ContentRoot.CreateOptions(args));
builder.Services.AddStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTraining();
builder.AddDashboardWeb();

var app = builder.Build();
if (SignInStartupCheck.Failure(app.Services) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 2;
}

app.MapDashboard();
app.Run();
return 0;

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
