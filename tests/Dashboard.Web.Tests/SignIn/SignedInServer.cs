using System.Net.Http.Headers;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.SignIn;

/// <summary>
/// A dashboard on a loopback port with sign-in forced on, and one user per role, each with an API token.
/// </summary>
public sealed class SignedInServer : DashboardServerFixture
{
    public const string Password = "correct horse battery";

    public SignedInServer()
        : base(new Dictionary<string, string?> { ["Authentication:RequireSignIn"] = "true" })
    {
        var accounts = Service<UserAccounts>();
        foreach (var (name, role) in new[] { ("vera", UserRole.Viewer), ("rita", UserRole.Researcher), ("otto", UserRole.Researcher), ("ada", UserRole.Admin) })
        {
            Assert.Null(accounts.Create(name, role, Password));
            Tokens[name] = Service<ApiTokenService>().Create(name, "tests").Secret!;
        }
    }

    /// <summary>API token of each user, by name.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>Returns a client that sends the API token of <paramref name="userName"/>, or no credentials when null.</summary>
    public HttpClient ClientFor(string? userName)
    {
        var client = CreateClient();
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[userName]);
        }

        return client;
    }

    /// <summary>Stores a group of two finished runs owned by <paramref name="owner"/> and returns its id.</summary>
    public string AddGroup(string owner)
    {
        var group = new RunGroup
        {
            Id = RunIds.Create(),
            Name = $"group of {owner}",
            Kind = "backdoor",
            CreatedAt = DateTimeOffset.UtcNow,
            VariedField = "defence.kind",
            VariedFieldLabel = "Defence",
            Members = [new(AddFinishedRun(owner), "none", "None"), new(AddFinishedRun(owner), "badLoss", "BaDLoss")],
        };
        Service<IRunGroupStore>().Insert(group);
        return group.Id;
    }

    /// <summary>Stores a finished run owned by <paramref name="owner"/> directly in the database and returns its id.</summary>
    public string AddFinishedRun(string? owner)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = $"run of {owner ?? "nobody"}",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
            EndedAt = DateTimeOffset.UtcNow,
            Owner = owner,
        };
        Service<IRunStore>().Insert(run);
        return run.Id;
    }
}
