using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Storage;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

public sealed class RunsApiTests : IClassFixture<RunsApiTests.Server>
{
    private readonly Server _server;

    public RunsApiTests(Server server) => _server = server;

    [Fact]
    public async Task LaunchReturnsBadRequestForMalformedJson()
    {
        using var response = await PostAsync("{\"kind\": \"backdoor\", ");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", errors["body"][0]);
        Assert.Equal(0, CountRuns());
    }

    [Fact]
    public async Task LaunchReturnsFieldErrorsForInvalidValues()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","configuration":{"epochs":0,
              "attacks":[{"type":"patch","targetClass":12,"poisonRatio":1.5,"strength":1}]}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("configuration.epochs", errors.Keys);
        Assert.Contains("configuration.attacks[0].targetClass", errors.Keys);
        Assert.Contains("configuration.attacks[0].poisonRatio", errors.Keys);
        Assert.Contains("between 0 (exclusive) and 1", errors["configuration.attacks[0].poisonRatio"][0]);
        Assert.Equal(0, CountRuns());
    }

    [Fact]
    public async Task LaunchRejectsWrongTypeWithFieldPath()
    {
        using var response = await PostAsync("""{"kind":"backdoor","configuration":{"epochs":"many"}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("configuration.epochs", errors.Keys);
        Assert.Equal(0, CountRuns());
    }

    [Fact]
    public async Task LaunchRejectsUnknownConfigurationField()
    {
        using var response = await PostAsync("""{"kind":"backdoor","configuration":{"learningRat":0.1}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("learningRat", string.Join(" ", errors.SelectMany(e => e.Value)));
        Assert.Equal(0, CountRuns());
    }

    [Fact]
    public async Task LaunchRejectsUnknownKind()
    {
        using var response = await PostAsync("""{"kind":"no-such-study"}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("backdoor", errors["kind"][0]);
    }

    [Fact]
    public async Task GetReturnsNotFoundForUnknownId()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/api/v1/runs/aaaaaaaaaaaa");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListRejectsUnknownStatus()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/api/v1/runs?status=Sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body)
    {
        var client = _server.CreateClient();
        return client.PostAsync("/api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private int CountRuns() => _server.Service<IRunStore>().Query(new RunQuery { Take = 500 }).Total;

    /// <summary>A server whose runs would fail at once; these tests never launch a valid run.</summary>
    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>());
}
