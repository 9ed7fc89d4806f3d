using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>Metric history, run list and configuration downloads, and run edits over HTTP.</summary>
public sealed class RunDataApiTests : IClassFixture<RunDataApiTests.Server>
{
    private const string Configuration = """{"epochs":3,"learningRate":0.001,"defence":{"kind":"badLoss"}}""";

    private readonly Server _server;

    public RunDataApiTests(Server server) => _server = server;

    [Fact]
    public async Task MetricsCsv_HasHeaderAndRowPerPoint()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/{run.Id}/metrics.csv");
        string[] lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("run_id,metric,step,epoch,value,time", lines[0]);
        Assert.Equal(_server.Service<IMetricStore>().CountPoints(run.Id), lines.Length - 1);
    }

    [Fact]
    public async Task MetricsCsv_ValuesRoundTrip()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        string csv = await client.GetStringAsync($"/api/v1/runs/{run.Id}/metrics.csv");
        var rows = csv.TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(',')).ToList();
        var stored = StoredPoints(run.Id);

        Assert.Equal(stored.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(run.Id, rows[i][0]);
            Assert.Equal(stored[i].Metric, rows[i][1]);
            Assert.Equal(stored[i].Point.Step, long.Parse(rows[i][2], CultureInfo.InvariantCulture));
            Assert.Equal(stored[i].Point.Epoch, double.Parse(rows[i][3], CultureInfo.InvariantCulture));
            Assert.Equal(stored[i].Point.Value, double.Parse(rows[i][4], CultureInfo.InvariantCulture));
            Assert.Equal(stored[i].Point.TimestampMs, DateTimeOffset.Parse(rows[i][5], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        }
    }

    [Fact]
    public async Task MetricsJson_ContainsEveryStoredPoint()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/runs/{run.Id}/metrics.json"));
        var exported = document.RootElement.GetProperty("runs")[0].GetProperty("metrics").EnumerateArray()
            .SelectMany(metric => metric.GetProperty("points").EnumerateArray().Select(point => (
                Metric: metric.GetProperty("metric").GetString(),
                Step: point.GetProperty("step").GetInt64(),
                Value: point.GetProperty("value").GetDouble(),
                Time: point.GetProperty("timestampMs").GetInt64())))
            .ToList();
        var stored = StoredPoints(run.Id);

        Assert.Equal(run.Id, document.RootElement.GetProperty("runs")[0].GetProperty("id").GetString());
        Assert.Equal(stored.Count, exported.Count);
        Assert.Equal(stored.Select(p => (p.Metric, p.Point.Step, p.Point.Value, p.Point.TimestampMs)),
            exported.Select(p => ((string)p.Metric!, p.Step, p.Value, p.Time)));
    }

    [Fact]
    public async Task SelectionCsv_HasRowsOfEveryRun()
    {
        var first = InsertRun(RunStatus.Completed);
        var second = InsertRun(RunStatus.Failed);
        using var client = _server.CreateClient();

        string csv = await client.GetStringAsync($"/api/v1/runs/export.csv?ids={first.Id},{second.Id}");
        var runIds = csv.TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(',')[0]).ToList();

        Assert.Equal(StoredPoints(first.Id).Count, runIds.Count(id => id == first.Id));
        Assert.Equal(StoredPoints(second.Id).Count, runIds.Count(id => id == second.Id));
    }

    [Fact]
    public async Task SelectionJson_UnknownRun_ReturnsNotFound()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/export.json?ids={run.Id},missing-run");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RunTableCsv_AppliesTagFilter()
    {
        string tag = $"t{Guid.NewGuid():N}"[..12];
        var tagged = InsertRun(RunStatus.Completed, [tag]);
        InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        string csv = await client.GetStringAsync($"/api/v1/runs.csv?tags={tag}");
        string[] lines = csv.TrimEnd('\n').Split('\n');

        Assert.StartsWith("run_id,name,kind,status,created_at,started_at,ended_at,duration_seconds,tags,archived_at,average_asr", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{tagged.Id},", lines[1]);
        Assert.EndsWith(",0.125", lines[1]);
    }

    [Fact]
    public async Task RunTableCsv_FormulaNameIsText()
    {
        string tag = $"f{Guid.NewGuid():N}"[..12];
        var run = InsertRun(RunStatus.Completed, [tag]);
        _server.Service<IRunStore>().Edit(run.Id, stored => stored.Name = "=HYPERLINK(\"http://127.0.0.1/\")");
        using var client = _server.CreateClient();

        string csv = await client.GetStringAsync($"/api/v1/runs.csv?tags={tag}");

        Assert.Contains($"{run.Id},\"'=HYPERLINK(\"\"http://127.0.0.1/\"\")\",backdoor,", csv);
    }

    [Fact]
    public async Task RunTableCsv_InvalidFilter_ReturnsBadRequest()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync("/api/v1/runs.csv?status=Sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConfigurationJson_HasKindNameAndConfiguration()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.GetAsync($"/api/v1/runs/{run.Id}/configuration.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("backdoor", document.RootElement.GetProperty("kind").GetString());
        Assert.Equal(run.Name, document.RootElement.GetProperty("name").GetString());
        Assert.Equal("badLoss", document.RootElement.GetProperty("configuration").GetProperty("defence").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Patch_SetsNameTagsAndNotes()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.PatchAsJsonAsync($"/api/v1/runs/{run.Id}", new { name = "renamed", tags = new[] { "paper", " sweep " }, notes = "*x*" });
        var stored = _server.Service<IRunStore>().Find(run.Id)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("renamed", stored.Name);
        Assert.Equal(["paper", "sweep"], stored.Tags);
        Assert.Equal("*x*", stored.Notes);
    }

    [Fact]
    public async Task Patch_InvalidTag_ReturnsFieldError()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.PatchAsJsonAsync($"/api/v1/runs/{run.Id}", new { tags = new[] { "two words" } });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(document.RootElement.GetProperty("errors").TryGetProperty("tags", out _));
    }

    [Fact]
    public async Task Delete_FinishedRun_RemovesRunAndPoints()
    {
        var run = InsertRun(RunStatus.Completed);
        using var client = _server.CreateClient();

        using var response = await client.DeleteAsync($"/api/v1/runs/{run.Id}");
        using var after = await client.GetAsync($"/api/v1/runs/{run.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(0, _server.Service<IMetricStore>().CountPoints(run.Id));
    }

    [Fact]
    public async Task Delete_RunningRun_ReturnsConflict()
    {
        var run = InsertRun(RunStatus.Running);
        using var client = _server.CreateClient();

        using var response = await client.DeleteAsync($"/api/v1/runs/{run.Id}");
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Cancel it first", body);
        Assert.NotNull(_server.Service<IRunStore>().Find(run.Id));
    }

    [Fact]
    public async Task Archive_HidesRunFromDefaultList()
    {
        string tag = $"a{Guid.NewGuid():N}"[..12];
        var run = InsertRun(RunStatus.Completed, [tag]);
        using var client = _server.CreateClient();

        using var archive = await client.PostAsync($"/api/v1/runs/{run.Id}/archive", null);
        string active = await client.GetStringAsync($"/api/v1/runs.csv?tags={tag}");
        string archived = await client.GetStringAsync($"/api/v1/runs.csv?tags={tag}&archived=archived");
        using var unarchive = await client.PostAsync($"/api/v1/runs/{run.Id}/unarchive", null);
        string restored = await client.GetStringAsync($"/api/v1/runs.csv?tags={tag}");

        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.DoesNotContain(run.Id, active);
        Assert.Contains(run.Id, archived);
        Assert.Equal(HttpStatusCode.OK, unarchive.StatusCode);
        Assert.Contains(run.Id, restored);
    }

    [Fact]
    public async Task List_TagsAndArchived_FilterAndShowAnnotations()
    {
        string tag = $"l{Guid.NewGuid():N}"[..12];
        var run = InsertRun(RunStatus.Completed, [tag]);
        using var client = _server.CreateClient();
        using var archive = await client.PostAsync($"/api/v1/runs/{run.Id}/archive", null);

        using var active = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/runs?tags={tag}"));
        using var archived = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/runs?tags={tag}&archived=archived"));
        var item = archived.RootElement.GetProperty("items")[0];

        Assert.Equal(0, active.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, archived.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(tag, item.GetProperty("tags")[0].GetString());
        Assert.Equal(JsonValueKind.String, item.GetProperty("archivedAt").ValueKind);
    }

    private RunRecord InsertRun(RunStatus status, List<string>? tags = null)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "export, \"quoted\" run",
            Kind = "backdoor",
            ConfigurationJson = Configuration,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            Tags = tags ?? [],
            Summary = new RunSummary { HeadlineKey = "average_asr", Measures = [new SummaryMeasure("average_asr", "Average ASR", 0.125)] },
        };
        _server.Service<IRunStore>().Insert(run);

        var loss = Enumerable.Range(0, 250).Select(i => new MetricPoint(i, i / 50.0, 1.0 / (i + 3) + 1e-13 * i, 1_760_000_000_123 + i * 17L)).ToList();
        var accuracy = Enumerable.Range(0, 5).Select(i => new MetricPoint(i * 50, i + 1, Math.PI / (i + 1), 1_760_000_100_000 + i)).ToList();
        _server.Service<IMetricStore>().Append(run.Id, [MetricBatch.FromPoints("train/loss", loss), MetricBatch.FromPoints("test/clean_accuracy", accuracy)]);
        return run;
    }

    private List<(string Metric, MetricPoint Point)> StoredPoints(string runId) =>
        [.. _server.Service<IMetricStore>().Read(runId).SelectMany(batch => batch.Points().Select(point => (batch.Metric, point)))];

    /// <summary>A server whose stored runs never reach a worker: they are inserted finished or as running without one.</summary>
    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>());
}
