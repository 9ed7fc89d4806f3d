using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>
/// The parts of /api/v1 a script needs beyond launching: experiment kinds with schema and presets, paged and
/// downsampled metric history, and refusals of bad input that leave nothing behind.
/// </summary>
public sealed class ApiV1Tests : IClassFixture<ApiV1Tests.Server>
{
    private readonly Server _server;

    public ApiV1Tests(Server server) => _server = server;

    [Fact]
    public async Task Kinds_ListsBackdoorWithItsPresets()
    {
        using var client = _server.CreateClient();

        var kinds = await client.GetFromJsonAsync<List<KindSummaryDto>>("/api/v1/kinds", ApiJson.Options);

        var backdoor = Assert.Single(kinds!, k => k.Id == "backdoor");
        Assert.Contains(backdoor.Presets, p => p.Id == "quick-check");
        Assert.Contains("arXiv", backdoor.Description);
    }

    [Fact]
    public async Task Kind_HasDefaultsAndNestedFieldPaths()
    {
        using var client = _server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/kinds/backdoor"));
        var root = document.RootElement;
        var paths = FieldPaths(root.GetProperty("fields")).ToList();
        var epochs = Field(root.GetProperty("fields"), "epochs");

        Assert.True(root.GetProperty("defaults").GetProperty("epochs").GetInt32() > 0);
        Assert.Contains("defence.kind", paths);
        Assert.Contains("attacks[].poisonRatio", paths);
        Assert.Equal("integer", epochs.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Number, epochs.GetProperty("minimum").ValueKind);
    }

    [Fact]
    public async Task Kind_SaysWhichDefenceAFieldBelongsTo()
    {
        using var client = _server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/kinds/backdoor"));
        var defence = Field(document.RootElement.GetProperty("fields"), "defence");
        var condition = Field(defence.GetProperty("fields"), "defence.probeCount").GetProperty("appliesWhen");

        Assert.Equal("kind", condition.GetProperty("field").GetString());
        Assert.Equal("badLoss", condition.GetProperty("values")[0].GetString());
    }

    [Fact]
    public async Task Kind_MarksMissingDatasetUnavailable()
    {
        using var client = _server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/kinds/backdoor"));
        var choices = Field(document.RootElement.GetProperty("fields"), "dataset").GetProperty("choices").EnumerateArray().ToList();

        Assert.Equal(JsonValueKind.Null, choices.Single(c => c.GetProperty("value").GetString() == "fashionMnist").GetProperty("unavailable").ValueKind);
        Assert.Contains("Datasets:cifar-10", choices.Single(c => c.GetProperty("value").GetString() == "cifar10").GetProperty("unavailable").GetString());
    }

    [Fact]
    public async Task Preset_ReturnsConfigurationThatLaunchAccepts()
    {
        using var client = _server.CreateClient();
        var preset = await client.GetFromJsonAsync<PresetDto>("/api/v1/kinds/backdoor/presets/quick-check", ApiJson.Options);
        string body = $$"""{"kind":"backdoor","configuration":{{preset!.Configuration.GetRawText()}}}""";

        using var response = await client.PostAsync("/api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task LaunchWithPreset_AppliesFieldsOverPreset()
    {
        using var client = _server.CreateClient();
        var preset = await client.GetFromJsonAsync<PresetDto>("/api/v1/kinds/backdoor/presets/quick-check", ApiJson.Options);

        using var response = await client.PostAsync("/api/v1/runs", new StringContent(
            """{"kind":"backdoor","preset":"quick-check","configuration":{"modelWidth":4}}""", Encoding.UTF8, "application/json"));
        var run = await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4, run!.Configuration.GetProperty("modelWidth").GetInt32());
        Assert.Equal(preset!.Configuration.GetProperty("epochs").GetInt32(), run.Configuration.GetProperty("epochs").GetInt32());
        Assert.Equal(
            preset.Configuration.GetProperty("trainingSubsetSize").GetInt32(), run.Configuration.GetProperty("trainingSubsetSize").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/kinds/no-such-kind", "backdoor")]
    [InlineData("/api/v1/kinds/backdoor/presets/no-such-preset", "quick-check")]
    public async Task UnknownKindOrPreset_IsNotFoundAndListsTheChoices(string url, string listed)
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(listed, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_PagesCoverEveryPointOnce()
    {
        var run = InsertRun(points: 1000);
        using var client = _server.CreateClient();
        var seen = new List<(string Metric, long Step)>();
        string url = $"/api/v1/runs/{run.Id}/metrics?take=300";
        int pages = 0;

        while (true)
        {
            var page = await client.GetFromJsonAsync<MetricHistoryPage>(url, ApiJson.Options);
            pages++;
            seen.AddRange(page!.Items.SelectMany(b => b.Steps.Select(s => (b.Metric, s))));
            Assert.True(page.Items.Sum(b => b.Count) <= 300);
            if (page.NextAfterStep is not { } next)
            {
                break;
            }

            url = $"/api/v1/runs/{run.Id}/metrics?take=300&afterStep={next}";
        }

        Assert.Equal(_server.Service<IMetricStore>().CountPoints(run.Id), seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages >= 4, $"{pages} pages");
    }

    [Fact]
    public async Task Metrics_DownsampledKeepsSpikeAndLimitsCount()
    {
        var run = InsertRun(points: 10_000, spikeAt: 4321);
        using var client = _server.CreateClient();

        var page = await client.GetFromJsonAsync<MetricHistoryPage>($"/api/v1/runs/{run.Id}/metrics?metric=train/loss&points=200", ApiJson.Options);

        var loss = Assert.Single(page!.Items);
        Assert.InRange(loss.Count, 100, 200);
        Assert.Contains(4321L, loss.Steps);
        Assert.Equal(loss.Steps.Order(), loss.Steps);
        Assert.Null(page.NextAfterStep);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("points=2", "points")]
    public async Task Metrics_RejectsBadPageArguments(string query, string field)
    {
        var run = InsertRun(points: 10);
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/{run.Id}/metrics?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ErrorsAsync(response)).Keys);
    }

    [Theory]
    [InlineData("/api/v1/runs?take=abc")]
    [InlineData("/api/v1/runs/zzzzzzzzzzzz/metrics?afterStep=abc")]
    public async Task UnboundQueryValue_IsProblemDetails(string url)
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPage_IsStillTheDashboardPage()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Read-only shared result", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/metrics.csv")]
    [InlineData("GET", "/configuration.json")]
    [InlineData("GET", "/export.html")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/resume")]
    [InlineData("POST", "/archive")]
    [InlineData("DELETE", "")]
    public async Task UnknownRun_IsNotFoundOnEveryRoute(string method, string suffix)
    {
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/runs/zzzzzzzzzzzz{suffix}");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/runs")]
    [InlineData("/api/v1/groups")]
    public async Task OversizedLaunch_Is413AndCreatesNothing(string url)
    {
        int before = CountRuns();
        string padding = new('x', RunsApi.MaxLaunchBodyBytes + 10);
        string body = $$$"""{"kind":"backdoor","name":"{{{padding}}}","vary":{"field":"optimizer","values":["adamW","sgd"]}}""";
        using var client = _server.CreateClient();

        using var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, CountRuns());
    }

    [Fact]
    public async Task GroupWithOneInvalidMember_CreatesNothing()
    {
        int before = CountRuns();
        int groups = _server.Service<IRunGroupStore>().List(0, 500).Count;
        using var client = _server.CreateClient();

        // The shared configuration is valid, but a varied value is not a choice of the field.
        using var response = await client.PostAsync("/api/v1/groups", new StringContent(
            """{"kind":"backdoor","vary":{"field":"optimizer","values":["adamW","rmsprop"]}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rmsprop", string.Join(" ", (await ErrorsAsync(response)).SelectMany(e => e.Value)));
        Assert.Equal(before, CountRuns());
        Assert.Equal(groups, _server.Service<IRunGroupStore>().List(0, 500).Count);
    }

    private static IEnumerable<string> FieldPaths(JsonElement fields)
    {
        foreach (var field in fields.EnumerateArray())
        {
            yield return field.GetProperty("path").GetString()!;
            foreach (string nested in FieldPaths(field.GetProperty("fields")))
            {
                yield return nested;
            }
        }
    }

    private static JsonElement Field(JsonElement fields, string path) =>
        fields.EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);

    private RunRecord InsertRun(int points, int? spikeAt = null)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "history",
            Kind = "backdoor",
            ConfigurationJson = """{"epochs":2}""",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        _server.Service<IRunStore>().Insert(run);

        var loss = Enumerable.Range(0, points)
            .Select(i => new MetricPoint(i, i / 100.0, i == spikeAt ? 50.0 : 1.0 / (i + 2), 1_760_000_000_000 + i))
            .ToList();
        var accuracy = Enumerable.Range(1, points / 100).Select(i => new MetricPoint(i * 100, i, 0.5, 1_760_000_000_000 + i * 100)).ToList();
        _server.Service<IMetricStore>().Append(run.Id, [MetricBatch.FromPoints("train/loss", loss), MetricBatch.FromPoints("test/clean_accuracy", accuracy)]);
        return run;
    }

    private int CountRuns() => _server.Service<IRunStore>().Query(new RunQuery { Take = 500, Archive = RunArchiveFilter.All }).Total;

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>A server whose worker cannot start, so launched runs fail at once and never train.</summary>
    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>
    {
        ["Compute:WorkerExecutable"] = "/nonexistent/worker",
    });
}
