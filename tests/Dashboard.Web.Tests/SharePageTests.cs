using System.Net;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Sharing;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

public sealed class SharePageTests : IClassFixture<SharePageTests.Server>
{
    private readonly Server _server;

    public SharePageTests(Server server) => _server = server;

    [Fact]
    public async Task UnknownTokenGetsNotFoundPage()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/share/not-a-real-token");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("share-not-found", html);
    }

    [Fact]
    public async Task SharedPageShowsRunWithoutControls()
    {
        var run = InsertRun(RunStatus.Running);
        string token = _server.Service<ShareLinkService>().Create(run.Id)!;

        using var client = _server.CreateClient();
        using var response = await client.GetAsync($"/share/{token}");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(run.Name, html);
        Assert.DoesNotContain("cancel-run", html);
        Assert.DoesNotContain("share-run", html);
        Assert.DoesNotContain("/runs/new", html);
    }

    [Fact]
    public void TokenIsStoredOnlyAsHash()
    {
        var run = InsertRun(RunStatus.Completed);

        string token = _server.Service<ShareLinkService>().Create(run.Id)!;
        var link = Assert.Single(_server.Service<IShareLinkStore>().ListForRun(run.Id));

        Assert.True(token.Length >= 43, "A token must carry at least 256 bits in base64url.");
        Assert.NotEqual(token, link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash);
        Assert.Equal(token[..6], link.TokenPrefix);
    }

    [Fact]
    public void RevokedTokenNoLongerResolves()
    {
        var run = InsertRun(RunStatus.Completed);
        var links = _server.Service<ShareLinkService>();
        string token = links.Create(run.Id)!;
        var stored = Assert.Single(_server.Service<IShareLinkStore>().ListForRun(run.Id));

        stored.RevokedAt = DateTimeOffset.UtcNow;
        _server.Service<IShareLinkStore>().Update(stored);

        Assert.Null(links.Resolve(token));
    }

    [Fact]
    public void ExpiredTokenNoLongerResolves()
    {
        var run = InsertRun(RunStatus.Completed);
        var links = _server.Service<ShareLinkService>();

        string token = links.Create(run.Id, TimeSpan.FromMilliseconds(-1))!;

        Assert.Null(links.Resolve(token));
    }

    [Fact]
    public void CreateReturnsNullForUnknownRun()
    {
        Assert.Null(_server.Service<ShareLinkService>().Create(RunIds.Create()));
    }

    private RunRecord InsertRun(RunStatus status)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = $"shared run {Guid.NewGuid():N}",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        _server.Service<IRunStore>().Insert(run);
        return run;
    }

    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>());
}
