using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;
using Dashboard.Storage;
using Dashboard.Web.Sharing;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests;

/// <summary>Share links over HTTP: creation, the shared pages of each scope, revocation, expiry and scoped files.</summary>
public sealed class SharePageTests : IClassFixture<SharePageTests.Server>
{
    private readonly Server _server;

    public SharePageTests(Server server) => _server = server;

    private ShareLinkService Shares => _server.Service<ShareLinkService>();

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
    public async Task WellFormedUnknownTokenGetsNotFoundPage()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/share/" + new string('A', 43));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SharedPageShowsRunWithoutControls()
    {
        var run = InsertRun(RunStatus.Running);
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;

        using var client = _server.CreateClient();
        using var response = await client.GetAsync(created.Path);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(run.Name, html);
        Assert.Contains("Read-only shared result", html);
        Assert.DoesNotContain("cancel-run", html);
        Assert.DoesNotContain("share-run", html);
        Assert.DoesNotContain("/runs/new", html);
    }

    [Fact]
    public async Task SharedRunPageLinksOnlyTokenScopedFiles()
    {
        var run = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;

        using var client = _server.CreateClient();
        string html = await client.GetStringAsync(created.Path);

        Assert.Contains($"href=\"{created.Path}/export.html\"", html);
        Assert.DoesNotContain("/api/v1/runs/", html);
    }

    [Fact]
    public void TokenIsStoredOnlyAsHash()
    {
        var run = InsertRun(RunStatus.Completed);

        var created = Shares.Create(ShareScope.ForRun(run.Id))!;
        var link = Assert.Single(_server.Service<IShareLinkStore>().ListForRun(run.Id));

        Assert.Equal(43, created.Token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", created.Token);
        Assert.NotEqual(created.Token, link.TokenHash);
        Assert.DoesNotContain(created.Token, link.TokenHash);
        Assert.Equal(created.Token[..ShareLinkService.PrefixLength], link.TokenPrefix);
    }

    [Fact]
    public void TokensDifferBetweenLinks()
    {
        var run = InsertRun(RunStatus.Completed);

        var tokens = Enumerable.Range(0, 20).Select(_ => Shares.Create(ShareScope.ForRun(run.Id))!.Token).ToHashSet();

        Assert.Equal(20, tokens.Count);
    }

    [Fact]
    public async Task RevokedLinkShowsRevokedPage()
    {
        var run = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;
        using var client = _server.CreateClient();
        using var before = await client.GetAsync(created.Path);

        using var revoke = await client.PostAsync($"/api/v1/shares/{created.Link.Id}/revoke", null);
        using var after = await client.GetAsync(created.Path);
        string html = await after.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Contains("This link was revoked", html);
        Assert.DoesNotContain(run.Name, html);
    }

    [Fact]
    public async Task ExpiredLinkShowsExpiryDate()
    {
        var run = InsertRun(RunStatus.Completed);
        var expiresAt = _server.Clock.GetUtcNow().AddDays(1);
        var created = Shares.Create(ShareScope.ForRun(run.Id), expiresAt)!;
        using var client = _server.CreateClient();
        using var before = await client.GetAsync(created.Path);

        _server.Clock.Advance(TimeSpan.FromDays(2));
        using var after = await client.GetAsync(created.Path);
        string html = await after.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Contains($"This link expired on {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC", html);
        Assert.DoesNotContain(run.Name, html);
    }

    [Fact]
    public void OpenRecordsLastUseAtMostOncePerInterval()
    {
        var run = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;
        var store = _server.Service<IShareLinkStore>();

        Shares.Open(created.Token);
        var first = store.Find(created.Link.Id)!.LastUsedAt;
        _server.Clock.Advance(TimeSpan.FromSeconds(10));
        Shares.Open(created.Token);
        var throttled = store.Find(created.Link.Id)!.LastUsedAt;
        _server.Clock.Advance(ShareLinkService.LastUseInterval);
        Shares.Open(created.Token);
        var later = store.Find(created.Link.Id)!.LastUsedAt;

        Assert.NotNull(first);
        Assert.Equal(first, throttled);
        Assert.Equal(_server.Clock.GetUtcNow(), later);
    }

    [Fact]
    public void OpenAfterRevokeKeepsRevocation()
    {
        var run = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;

        Shares.Revoke(created.Link.Id);
        var access = Shares.Open(created.Token);

        Assert.Equal(ShareLinkState.Revoked, access.State);
        Assert.NotNull(_server.Service<IShareLinkStore>().Find(created.Link.Id)!.RevokedAt);
    }

    [Fact]
    public void CreateReturnsNullForUnknownRun()
    {
        Assert.Null(Shares.Create(ShareScope.ForRun(RunIds.Create())));
    }

    [Fact]
    public void CreateRejectsPastExpiry()
    {
        var run = InsertRun(RunStatus.Completed);

        Assert.Throws<ArgumentException>(() => Shares.Create(ShareScope.ForRun(run.Id), _server.Clock.GetUtcNow().AddMinutes(-1)));
    }

    [Fact]
    public async Task ApiCreatesListsAndRevokesLink()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();
        var expiresAt = _server.Clock.GetUtcNow().AddDays(7);

        using var create = await client.PostAsJsonAsync("/api/v1/shares", new { scope = "run", ids = new[] { run.Id }, expiresAt });
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        string token = created.GetProperty("token").GetString()!;
        string id = created.GetProperty("id").GetString()!;
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/shares?scope=run&id={run.Id}");
        using var page = await client.GetAsync(new Uri(created.GetProperty("url").GetString()!).PathAndQuery);

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(expiresAt, created.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var entry = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("id").GetString());
        Assert.Equal(token[..ShareLinkService.PrefixLength], entry.GetProperty("tokenPrefix").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("token").ValueKind);
        Assert.Equal("active", entry.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ApiRejectsPastExpiry()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/shares",
            new { scope = "run", ids = new[] { run.Id }, expiresAt = _server.Clock.GetUtcNow().AddHours(-1) });
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expiresAt", body);
    }

    [Fact]
    public async Task ApiRejectsUnknownScope()
    {
        using var client = _server.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/shares", new { scope = "everything", ids = new[] { "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GroupLinkShowsTableWithSharedMemberLinks()
    {
        var (group, members) = InsertGroup();
        var outsider = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForGroup(group.Id))!;
        using var client = _server.CreateClient();

        using var page = await client.GetAsync(created.Path);
        string html = await page.Content.ReadAsStringAsync();
        using var member = await client.GetAsync($"{created.Path}/runs/{members[1].Id}");
        string memberHtml = await member.Content.ReadAsStringAsync();
        using var other = await client.GetAsync($"{created.Path}/runs/{outsider.Id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("group-table", html);
        Assert.Contains($"href=\"{created.Path}/runs/{members[0].Id}\"", html);
        Assert.DoesNotContain($"href=\"/runs/{members[0].Id}\"", html);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Contains(members[1].Name, memberHtml);
        Assert.Contains($"{created.Path}/runs/{members[1].Id}/export.html", memberHtml);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task SweepLinkShowsResultsTable()
    {
        string groupId = RunIds.Create();
        var members = new[] { InsertRun(RunStatus.Completed, groupId), InsertRun(RunStatus.Completed, groupId) };
        _server.Service<IRunGroupStore>().Insert(new RunGroup
        {
            Id = groupId,
            Name = $"shared sweep {groupId}",
            Kind = "backdoor",
            CreatedAt = DateTimeOffset.UtcNow,
            VariedField = "seed",
            VariedFieldLabel = "Seed",
            Members =
            [
                new RunGroupMember(members[0].Id, "seed=1", "Seed 1") { Parameters = [new SweptValue("seed", "1", "1")] },
                new RunGroupMember(members[1].Id, "seed=2", "Seed 2") { Parameters = [new SweptValue("seed", "2", "2")] },
            ],
            Sweep = SweepDefinitionJson.Parse("""{"method":"grid","parameters":{"seed":{"values":[1,2]}}}"""),
        });
        var created = Shares.Create(ShareScope.ForGroup(groupId))!;
        using var client = _server.CreateClient();

        using var page = await client.GetAsync(created.Path);
        string html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("sweep-table", html);
        Assert.Contains("data-sort=\"param:seed\"", html);
        Assert.Contains($"href=\"{created.Path}/runs/{members[1].Id}\"", html);
        Assert.DoesNotContain($"href=\"/runs/{members[1].Id}\"", html);
    }

    [Fact]
    public async Task ComparisonLinkListsEachRunSummary()
    {
        var first = InsertRun(RunStatus.Completed);
        var second = InsertRun(RunStatus.Completed);
        var created = Shares.Create(ShareScope.ForComparison([first.Id, second.Id]))!;
        using var client = _server.CreateClient();

        using var page = await client.GetAsync(created.Path);
        string html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(first.Name, html);
        Assert.Contains(second.Name, html);
        Assert.Contains($"href=\"{created.Path}/runs/{second.Id}\"", html);
    }

    [Fact]
    public async Task SharedArtifactIsServedOnlyWithinScope()
    {
        var run = InsertRun(RunStatus.Completed);
        var other = InsertRun(RunStatus.Completed);
        AddArtifact(run, "notes.txt", "shared file");
        AddArtifact(other, "secret.txt", "other run's file");
        var created = Shares.Create(ShareScope.ForRun(run.Id))!;
        using var client = _server.CreateClient();

        using var own = await client.GetAsync($"{created.Path}/artifacts/notes.txt");
        using var foreign = await client.GetAsync($"{created.Path}/runs/{other.Id}/artifacts/secret.txt");
        Shares.Revoke(created.Link.Id);
        using var revoked = await client.GetAsync($"{created.Path}/artifacts/notes.txt");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("shared file", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
    }

    private RunRecord InsertRun(RunStatus status, string? groupId = null)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = $"shared run {Guid.NewGuid():N}",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            GroupId = groupId,
        };
        _server.Service<IRunStore>().Insert(run);
        return run;
    }

    private (RunGroup Group, RunRecord[] Members) InsertGroup()
    {
        string groupId = RunIds.Create();
        var members = new[] { InsertRun(RunStatus.Completed, groupId), InsertRun(RunStatus.Completed, groupId) };
        var group = new RunGroup
        {
            Id = groupId,
            Name = $"shared group {groupId}",
            Kind = "backdoor",
            CreatedAt = DateTimeOffset.UtcNow,
            VariedField = "defence.kind",
            VariedFieldLabel = "Defence",
            Members = [new RunGroupMember(members[0].Id, "none", "None"), new RunGroupMember(members[1].Id, "badLoss", "BaDLoss")],
        };
        _server.Service<IRunGroupStore>().Insert(group);
        return (group, members);
    }

    private void AddArtifact(RunRecord run, string name, string text)
    {
        var info = _server.Service<IArtifactStore>().Save(run.Id, name, "text/plain", System.Text.Encoding.UTF8.GetBytes(text));
        run.Artifacts.Add(info);
        _server.Service<IRunStore>().Update(run);
    }

    /// <summary>A dashboard whose clock the tests move, so that links expire without waiting.</summary>
    public sealed class Server() : DashboardServerFixture(
        new Dictionary<string, string?>(),
        services => services.AddSingleton<TimeProvider>(SharedClock))
    {
        private static readonly AdjustableClock SharedClock = new(DateTimeOffset.UtcNow);

        public AdjustableClock Clock => SharedClock;
    }
}
