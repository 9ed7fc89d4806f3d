using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>
/// Group launches against a server whose worker cannot start (a missing executable), so queued runs fail
/// quickly and these tests never train.
/// </summary>
public sealed class GroupsApiTests : IClassFixture<GroupsApiTests.Server>
{
    private readonly Server _server;

    public GroupsApiTests(Server server) => _server = server;

    [Fact]
    public async Task LaunchCreatesOneRunPerValue()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","name":"optimisers","configuration":{"epochs":1},
             "vary":{"field":"optimizer","values":["adamW","sgd"]}}
            """);
        var group = await response.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);
        var runs = group!.Members.Select(m => _server.Service<IRunStore>().Find(m.RunId)!).ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["adamW", "sgd"], group.Members.Select(m => m.Value));
        Assert.Equal(["AdamW", "SGD with momentum"], group.Members.Select(m => m.Label));
        Assert.All(runs, run => Assert.Equal(group.Id, run.GroupId));
        Assert.Contains("\"optimizer\":\"adamW\"", runs[0].ConfigurationJson);
        Assert.Contains("\"optimizer\":\"sgd\"", runs[1].ConfigurationJson);
        Assert.All(runs, run => Assert.Contains("\"epochs\":1", run.ConfigurationJson));
    }

    [Fact]
    public async Task MembersQueuedInListedOrder()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","configuration":{"epochs":1},
             "vary":{"field":"defence.kind","values":["none","badLoss","spectralSignatures","activationClustering","antiBackdoorLearning"]}}
            """);
        var group = await response.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);
        var created = group!.Members.Select(m => _server.Service<IRunStore>().Find(m.RunId)!.CreatedAt).ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(created.Order(), created);
        Assert.Equal(created.Count, created.Distinct().Count());
    }

    [Fact]
    public async Task GetReturnsMembersWithStatus()
    {
        using var created = await PostAsync("""{"kind":"backdoor","vary":{"field":"schedule","values":["cosine","constant"]}}""");
        var group = await created.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);

        using var client = _server.CreateClient();
        var fetched = await client.GetFromJsonAsync<GroupDto>($"/api/v1/groups/{group!.Id}", ApiJson.Options);

        Assert.Equal(group.Id, fetched!.Id);
        Assert.Equal(2, fetched.Members.Count);
        Assert.All(fetched.Members, member => Assert.NotNull(member.Status));
    }

    [Fact]
    public async Task LaunchRejectsFieldThatIsNotAChoice()
    {
        int before = CountRuns();
        using var response = await PostAsync("""{"kind":"backdoor","vary":{"field":"epochs","values":["1","2"]}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("optimizer", errors["vary.field"][0]);
        Assert.Equal(before, CountRuns());
    }

    [Fact]
    public async Task LaunchRejectsUnknownValueByIndex()
    {
        int before = CountRuns();
        using var response = await PostAsync("""{"kind":"backdoor","vary":{"field":"optimizer","values":["adamW","lion"]}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'lion'", errors["vary.values[1]"][0]);
        Assert.Equal(before, CountRuns());
    }

    [Fact]
    public async Task LaunchRejectsSingleValue()
    {
        using var response = await PostAsync("""{"kind":"backdoor","vary":{"field":"optimizer","values":["adamW"]}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least two", errors["vary.values"][0]);
    }

    [Fact]
    public async Task LaunchWithoutVaryIsRejected()
    {
        using var response = await PostAsync("""{"kind":"backdoor"}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vary", errors["body"][0]);
    }

    [Fact]
    public async Task GetUnknownGroupIsNotFound()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/api/v1/groups/aaaaaaaaaaaa");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        var client = _server.CreateClient();
        return await client.PostAsync("/api/v1/groups", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private int CountRuns() => _server.Service<IRunStore>().Query(new RunQuery { Take = 500 }).Total;

    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>
    {
        ["Compute:WorkerExecutable"] = "/nonexistent/worker",
    });
}
