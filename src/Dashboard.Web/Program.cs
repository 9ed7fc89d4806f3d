using Dashboard.Storage;
using Dashboard.Training.Extensions;
using Dashboard.Web.Extensions;
using Dashboard.Web.Hosting;
using Dashboard.Worker;

// The same executable runs one experiment run when started as `Dashboard.Web worker ...`.
if (WorkerCommandLine.IsWorkerInvocation(args))
{
    return WorkerProgram.Run(args);
}

var builder = WebApplication.CreateBuilder(ContentRoot.CreateOptions(args));
builder.Services.AddStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTraining();
builder.AddDashboardWeb();

var app = builder.Build();
app.MapDashboard();
app.Run();
return 0;

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
