using System.Diagnostics;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Xunit.Abstractions;

namespace Dashboard.Storage.Tests;

/// <summary>
/// Throughput and latency measurements, printed to the test output and never asserted, because timings depend on
/// the machine. Show them with <c>dotnet test --filter Category=Measurement --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class StorageMeasurements(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryStorage _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void MetricAppend_MillionPoints_PrintsPointsPerSecond()
    {
        const int BatchSize = 1_000;
        const int Batches = 1_000;
        var store = new LiteDbMetricStore(_temporary.Storage);
        var batches = Enumerable.Range(0, Batches)
            .Select(i => SampleMetrics.Batch("train/loss", (long)i * BatchSize, BatchSize))
            .ToList();

        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            store.Append("bench", [batch]);
        }

        stopwatch.Stop();
        long points = store.CountPoints("bench");
        output.WriteLine(
            $"Appended {points:N0} points in {Batches:N0} batches of {BatchSize:N0} in {stopwatch.Elapsed.TotalSeconds:F2} s: " +
            $"{points / stopwatch.Elapsed.TotalSeconds:N0} points/s.");

        var read = Stopwatch.StartNew();
        var history = store.Read("bench", "train/loss")!;
        read.Stop();
        output.WriteLine($"Read {history.Count:N0} points back in {read.Elapsed.TotalMilliseconds:F0} ms.");

        Assert.Equal(BatchSize * Batches, points);
    }

    [Fact]
    public void RunQuery_TenThousandRuns_PrintsPageTime()
    {
        const int Runs = 10_000;
        var store = new LiteDbRunStore(_temporary.Storage);
        RunStatus[] statuses = Enum.GetValues<RunStatus>();
        string[] kinds = ["backdoor", "probe", "classification", "trajectory"];
        var documents = new List<LiteDB.BsonDocument>(Runs);
        for (int i = 0; i < Runs; i++)
        {
            var run = SampleRuns.Complete($"run{i:D5}");
            run.Name = $"sweep {i % 97} seed {i}";
            run.Status = statuses[i % statuses.Length];
            run.Summary!.Measures[1] = run.Summary.Measures[1] with { Value = (i * 7919 % 1000) / 1000.0 };
            run.Tags = [$"seed{i % 10}", "sweep"];
            run.ArchivedAt = i % 50 == 0 ? SampleRuns.Epoch : null;
            documents.Add(RunDocument.FromRecord(Retarget(run, kinds[i % kinds.Length], SampleRuns.Epoch.AddSeconds(i))));
        }

        // One bulk transaction keeps the set-up short; IRunStore.Insert commits one transaction per run.
        var insert = Stopwatch.StartNew();
        _temporary.Storage.Database.GetCollection("runs").InsertBulk(documents);
        insert.Stop();
        output.WriteLine($"Inserted {Runs:N0} runs in one transaction in {insert.Elapsed.TotalSeconds:F2} s.");

        RunQuery[] queries =
        [
            new RunQuery(),
            new RunQuery { Skip = 5_000 },
            new RunQuery { Statuses = [RunStatus.Completed, RunStatus.Failed] },
            new RunQuery { Kind = "probe", SortBy = RunSortField.Headline },
            new RunQuery { Search = "seed 12", SortBy = RunSortField.Name, Descending = false },
            new RunQuery { SortBy = RunSortField.Duration, Skip = 9_950 },
            new RunQuery { Search = "learningRate:0.001 targetClass:7", Skip = 100 },
            new RunQuery { Search = "tag:seed3", SortBy = RunSortField.Measure, SortMeasure = "asr" },
            new RunQuery { Archive = RunArchiveFilter.Archived },
            new RunQuery { Archive = RunArchiveFilter.All, CreatedFrom = SampleRuns.Epoch.AddSeconds(2_000), CreatedBefore = SampleRuns.Epoch.AddSeconds(3_000) },
        ];

        foreach (var query in queries)
        {
            store.Query(query);
            var stopwatch = Stopwatch.StartNew();
            const int Repeats = 5;
            RunPage page = null!;
            for (int i = 0; i < Repeats; i++)
            {
                page = store.Query(query);
            }

            stopwatch.Stop();
            output.WriteLine(
                $"{Describe(query)}: {page.Items.Count} of {page.Total:N0} runs in " +
                $"{stopwatch.Elapsed.TotalMilliseconds / Repeats:F1} ms per page.");
        }

        Assert.Equal(Runs, store.Query(new RunQuery { Archive = RunArchiveFilter.All }).Total);
    }

    private static RunRecord Retarget(RunRecord run, string kind, DateTimeOffset createdAt) => new()
    {
        Id = run.Id,
        Name = run.Name,
        Kind = kind,
        ConfigurationJson = run.ConfigurationJson,
        Status = run.Status,
        CreatedAt = createdAt,
        StartedAt = createdAt.AddSeconds(1),
        EndedAt = createdAt.AddSeconds(1 + run.Id.GetHashCode(StringComparison.Ordinal) % 500 + 500),
        Progress = run.Progress,
        Phase = run.Phase,
        Device = run.Device,
        Summary = run.Summary,
        Error = run.Error,
        WorkerProcessId = run.WorkerProcessId,
        Artifacts = run.Artifacts,
        Tags = run.Tags,
        ArchivedAt = run.ArchivedAt,
    };

    private static string Describe(RunQuery query) =>
        $"sort {query.SortBy}{(query.Descending ? " desc" : string.Empty)}, skip {query.Skip}" +
        (query.Statuses is { } statuses ? $", statuses {string.Join('/', statuses)}" : string.Empty) +
        (query.Kind is { } kind ? $", kind {kind}" : string.Empty) +
        (query.Search is { } search ? $", search \"{search}\"" : string.Empty) +
        (query.SortMeasure is { } measure ? $", measure {measure}" : string.Empty) +
        (query.CreatedFrom is { } from ? $", created from {from:HH:mm:ss}" : string.Empty) +
        (query.CreatedBefore is { } before ? $", created before {before:HH:mm:ss}" : string.Empty) +
        $", archive {query.Archive}";
}
