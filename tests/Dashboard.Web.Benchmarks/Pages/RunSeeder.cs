using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Training.Backdoor;
using Dashboard.Web.Benchmarks.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Benchmarks.Pages;

/// <summary>
/// Writes completed backdoor runs, and optionally their metric history, straight into a database file before a
/// server opens it. The server must not be running: only one process may open a LiteDB file.
/// </summary>
public sealed class RunSeeder : IDisposable
{
    private static readonly string ConfigurationJsonText = ConfigurationJson.Serialize(new BackdoorConfiguration());

    private readonly LiteDbStorage _storage;

    public RunSeeder(string dataDirectory)
    {
        _storage = new LiteDbStorage(
            new StorageOptions
            {
                DatabasePath = Path.Combine(dataDirectory, "dashboard.db"),
                ArtifactsPath = Path.Combine(dataDirectory, "artifacts"),
            },
            NullLogger<LiteDbStorage>.Instance);
        Runs = new LiteDbRunStore(_storage);
        Metrics = new LiteDbMetricStore(_storage);
    }

    public LiteDbRunStore Runs { get; }

    public LiteDbMetricStore Metrics { get; }

    /// <summary>Inserts <paramref name="count"/> completed runs, one minute apart, and returns their ids oldest first.</summary>
    public List<string> AddRuns(int count, string namePrefix)
    {
        var ids = new List<string>(count);
        var firstCreated = DateTimeOffset.UtcNow.AddMinutes(-count);
        for (int i = 0; i < count; i++)
        {
            var created = firstCreated.AddMinutes(i);
            var run = new RunRecord
            {
                Id = RunIds.Create(),
                Name = $"{namePrefix} {i + 1}",
                Kind = "backdoor",
                ConfigurationJson = ConfigurationJsonText,
                Status = i % 10 == 9 ? RunStatus.Failed : RunStatus.Completed,
                CreatedAt = created,
                StartedAt = created.AddSeconds(2),
                EndedAt = created.AddSeconds(20),
                Progress = 1,
                Phase = "completed",
                Device = "cpu",
                Summary = Summary(0.90 + (i % 10 / 100.0)),
            };
            Runs.Insert(run);
            ids.Add(run.Id);
        }

        return ids;
    }

    /// <summary>Adds the metric history of one default backdoor run: 5 epochs of 469 steps, and test measures per epoch.</summary>
    public void AddDefaultHistory(string runId)
    {
        const int steps = 5 * 469;
        var loss = SyntheticSeries.Loss(BackdoorMetrics.TrainLoss, 1, steps);
        var learningRate = SyntheticSeries.Loss(BackdoorMetrics.LearningRate, 1, steps);
        var perEpoch = new[] { BackdoorMetrics.CleanAccuracy, BackdoorMetrics.AverageAsr, BackdoorMetrics.Asr("patch"), BackdoorMetrics.Asr("blend_random") }
            .Select(metric => SyntheticSeries.Loss(metric, 469, 5))
            .ToList();
        Metrics.Append(runId, [loss, learningRate, .. perEpoch]);
    }

    /// <summary>Appends <paramref name="points"/> training-loss points to a run in appends of 10,000.</summary>
    public void AddLongSeries(string runId, int points)
    {
        for (int first = 0; first < points; first += 10_000)
        {
            Metrics.Append(runId, [SyntheticSeries.Loss(BackdoorMetrics.TrainLoss, first, Math.Min(10_000, points - first))]);
        }
    }

    public void Dispose()
    {
        _storage.Checkpoint();
        _storage.Dispose();
    }

    private static RunSummary Summary(double averageAsr) => new()
    {
        HeadlineKey = "average_asr",
        Measures =
        [
            new SummaryMeasure("average_asr", "Average ASR", averageAsr, MeasureFormat.Percent),
            new SummaryMeasure("clean_accuracy", "Clean accuracy", 0.8875, MeasureFormat.Percent),
        ],
    };
}
