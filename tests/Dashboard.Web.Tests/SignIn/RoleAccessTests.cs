using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.SignIn;

/// <summary>What each role may and may not do through the HTTP API while sign-in is on.</summary>
public sealed class RoleAccessTests(SignedInServer server) : IClassFixture<SignedInServer>
{
    private const string QueuedLaunch = $$"""{"kind":"backdoor","configuration":{{TestConfigurations.Long}}}""";

    [Fact]
    public async Task AnonymousApiCallGetsProblem401()
    {
        using var client = server.ClientFor(null);
        using var response = await client.GetAsync("/api/v1/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task UnknownTokenGets401()
    {
        using var client = server.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", new string('A', 43));
        using var response = await client.GetAsync("/api/v1/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ViewerListsAndReadsRuns()
    {
        string runId = server.AddFinishedRun("rita");
        using var client = server.ClientFor("vera");

        using var list = await client.GetAsync("/api/v1/runs?archived=all");
        using var single = await client.GetAsync($"/api/v1/runs/{runId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
    }

    [Fact]
    public async Task ViewerLaunchGets403NamingResearcher()
    {
        using var client = server.ClientFor("vera");
        using var response = await PostJsonAsync(client, "/api/v1/runs", QueuedLaunch);
        string detail = await DetailAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("researcher role", detail);
        Assert.Contains("vera has the viewer role", detail);
    }

    [Fact]
    public async Task ViewerCancelAndDeleteGet403()
    {
        string runId = server.AddFinishedRun("rita");
        using var client = server.ClientFor("vera");

        using var cancel = await client.PostAsync($"/api/v1/runs/{runId}/cancel", null);
        using var delete = await client.DeleteAsync($"/api/v1/runs/{runId}");

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.NotNull(server.Service<IRunStore>().Find(runId));
    }

    [Fact]
    public async Task ResearcherLaunchRecordsOwnerAndCancelsOwnRun()
    {
        using var client = server.ClientFor("rita");
        using var launch = await PostJsonAsync(client, "/api/v1/runs", QueuedLaunch);
        var run = await launch.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options);
        using var cancel = await client.PostAsync($"/api/v1/runs/{run!.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Created, launch.StatusCode);
        Assert.Equal("rita", run.Owner);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
    }

    [Fact]
    public async Task WorkerCompletesRunWithSignInOn()
    {
        using var client = server.ClientFor("rita");
        using var launch = await PostJsonAsync(client, "/api/v1/runs", $$"""{"kind":"backdoor","configuration":{{TestConfigurations.Quick}}}""");
        var run = await launch.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options);

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var stored = server.Service<IRunStore>().Find(run!.Id)!;
        while (!stored.Status.IsFinal() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            stored = server.Service<IRunStore>().Find(run.Id)!;
        }

        Assert.True(stored.Status == RunStatus.Completed, $"Run {run.Id} ended {stored.Status}: {stored.Error}");
        Assert.NotEmpty(stored.Artifacts);
    }

    [Fact]
    public async Task ResearcherAnnotatesAndDeletesOwnRun()
    {
        string runId = server.AddFinishedRun("rita");
        using var client = server.ClientFor("rita");

        using var annotate = await client.PatchAsync($"/api/v1/runs/{runId}", Json("""{"tags":["mine"]}"""));
        using var archive = await client.PostAsync($"/api/v1/runs/{runId}/archive", null);
        using var delete = await client.DeleteAsync($"/api/v1/runs/{runId}");

        Assert.Equal(HttpStatusCode.OK, annotate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task ResearcherChangingAnotherUsersRunGets403()
    {
        string runId = server.AddFinishedRun("otto");
        using var client = server.ClientFor("rita");

        using var annotate = await client.PatchAsync($"/api/v1/runs/{runId}", Json("""{"tags":["not mine"]}"""));
        using var cancel = await client.PostAsync($"/api/v1/runs/{runId}/cancel", null);
        using var delete = await client.DeleteAsync($"/api/v1/runs/{runId}");
        using var share = await PostJsonAsync(client, "/api/v1/shares", $$"""{"scope":"run","ids":["{{runId}}"]}""");

        Assert.Equal(HttpStatusCode.Forbidden, annotate.StatusCode);
        Assert.Contains("belongs to otto", await DetailAsync(annotate));
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, share.StatusCode);
        Assert.Empty(server.Service<IRunStore>().Find(runId)!.Tags);
    }

    [Fact]
    public async Task ResearcherAnnotatesOnlyOwnGroup()
    {
        string own = server.AddGroup("rita");
        string others = server.AddGroup("otto");
        using var client = server.ClientFor("rita");

        using var annotateOwn = await client.PatchAsync($"/api/v1/groups/{own}", Json("""{"tags":["mine"]}"""));
        using var annotateOthers = await client.PatchAsync($"/api/v1/groups/{others}", Json("""{"tags":["not mine"]}"""));
        using var shareOthers = await PostJsonAsync(client, "/api/v1/shares", $$"""{"scope":"group","ids":["{{others}}"]}""");

        Assert.Equal(HttpStatusCode.OK, annotateOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, annotateOthers.StatusCode);
        Assert.Contains("belongs to otto", await DetailAsync(annotateOthers));
        Assert.Equal(HttpStatusCode.Forbidden, shareOthers.StatusCode);
    }

    [Fact]
    public async Task ResearcherUsersApiGets403NamingAdmin()
    {
        using var client = server.ClientFor("rita");
        using var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admin role", await DetailAsync(response));
    }

    [Fact]
    public async Task AdminChangesAnyRun()
    {
        string annotated = server.AddFinishedRun("otto");
        string deleted = server.AddFinishedRun("otto");
        string ownerless = server.AddFinishedRun(null);
        using var client = server.ClientFor("ada");

        using var annotate = await client.PatchAsync($"/api/v1/runs/{annotated}", Json("""{"tags":["reviewed"]}"""));
        using var delete = await client.DeleteAsync($"/api/v1/runs/{deleted}");
        using var archive = await client.PostAsync($"/api/v1/runs/{ownerless}/archive", null);
        using var share = await PostJsonAsync(client, "/api/v1/shares", $$"""{"scope":"run","ids":["{{annotated}}"]}""");

        Assert.Equal(HttpStatusCode.OK, annotate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);
    }

    [Fact]
    public async Task AdminCancelsAnotherUsersRun()
    {
        using var researcher = server.ClientFor("otto");
        using var launch = await PostJsonAsync(researcher, "/api/v1/runs", QueuedLaunch);
        var run = await launch.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options);
        using var admin = server.ClientFor("ada");

        using var cancel = await admin.PostAsync($"/api/v1/runs/{run!.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
    }

    [Fact]
    public async Task AdminManagesUsers()
    {
        using var client = server.ClientFor("ada");

        using var create = await PostJsonAsync(client, "/api/v1/users", """{"name":"newcomer","role":"researcher","password":"long enough pw"}""");
        using var change = await client.PatchAsync("/api/v1/users/newcomer", Json("""{"role":"viewer"}"""));
        using var list = await client.GetAsync("/api/v1/users");
        string listed = await list.Content.ReadAsStringAsync();
        using var remove = await client.DeleteAsync("/api/v1/users/newcomer");

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("\"newcomer\"", listed);
        Assert.DoesNotContain("PasswordHash", listed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
    }

    [Fact]
    public async Task AdminCannotRemoveLastAdmin()
    {
        using var client = server.ClientFor("ada");
        using var response = await client.DeleteAsync("/api/v1/users/ada");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only admin", await DetailAsync(response));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) => client.PostAsync(path, Json(json));

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("detail").GetString() ?? "";
    }
}
