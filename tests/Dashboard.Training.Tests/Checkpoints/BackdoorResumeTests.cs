using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Defences.BadLoss;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Checkpoints;

/// <summary>
/// Interrupts small backdoor runs after a chosen epoch, resumes them from their checkpoint folder and compares
/// them with the same run trained without interruption. Results repeat exactly on a CPU with fixed threads, so a
/// correct resume gives identical measures and metric points.
/// </summary>
public sealed class BackdoorResumeTests
{
    [Fact]
    public void UndefendedResumeMatchesUninterrupted()
    {
        var expected = Train(Configuration(DefenceKind.None), checkpointFolder: null, stopAfter: null);

        var resumed = Interrupt(Configuration(DefenceKind.None), stopAfter: (BackdoorMetrics.CleanAccuracy, 2));

        AssertSameRun(expected, resumed);
    }

    [Fact]
    public void BadLossResumeInTrajectoryMatchesUninterrupted()
    {
        var expected = Train(Configuration(DefenceKind.BadLoss), checkpointFolder: null, stopAfter: null);

        var resumed = Interrupt(Configuration(DefenceKind.BadLoss), stopAfter: (DefenceMetrics.BadLossMean(DefenceMetrics.CleanGroup), 2));

        Assert.Equal(BadLossDefence.TrajectoryPhase, resumed.Checkpoint.Phase);
        AssertSameRun(expected, resumed);
    }

    [Fact]
    public void BadLossResumeInRetrainingMatchesUninterrupted()
    {
        var expected = Train(Configuration(DefenceKind.BadLoss), checkpointFolder: null, stopAfter: null);

        var resumed = Interrupt(Configuration(DefenceKind.BadLoss), stopAfter: (BackdoorMetrics.CleanAccuracy, 1));

        Assert.Equal(BackdoorRun.FinalPhase, resumed.Checkpoint.Phase);
        Assert.Contains(resumed.Context.Logs, line => line.StartsWith("The defence finished before the run was interrupted", StringComparison.Ordinal));
        AssertSameRun(expected, resumed);
    }

    [Fact]
    public void CheckpointsKeptAtConfiguredCount()
    {
        using var folder = new TemporaryFolder();

        Train(Configuration(DefenceKind.None), folder.Path, stopAfter: null, kept: 2);

        Assert.Equal([2, 3], new CheckpointFolder(folder.Path, kept: 2).List().Select(c => c.Info.Epoch));
    }

    /// <summary>2,000 images, width 8, patch and blend random attacks at 2%; BaDLoss records 3 trajectory epochs.</summary>
    private static BackdoorConfiguration Configuration(DefenceKind defence)
    {
        var configuration = new BackdoorConfiguration
        {
            TrainingSubsetSize = 2_000,
            Epochs = 3,
            ModelWidth = 8,
            Seed = 3,
            Defence = new DefenceSettings { Kind = defence, TrajectoryEpochs = 3, RemovalFraction = 0.05 },
        };
        configuration.Attacks.ForEach(attack => attack.PoisonRatio = 0.02);
        return configuration;
    }

    /// <summary>
    /// Trains until <paramref name="stopAfter"/>'s metric is reported for its epoch, which cancels the run before
    /// the next epoch's first batch (the checkpoint of that epoch is saved first). Then trains again on the same
    /// checkpoint folder and returns the history a server would hold: the interrupted run's points that the
    /// checkpoint covers followed by the resumed run's points.
    /// </summary>
    private static ResumedRun Interrupt(BackdoorConfiguration configuration, (string Metric, int Epoch) stopAfter)
    {
        using var folder = new TemporaryFolder();
        var interrupted = Assert.Throws<InterruptedRunException>(() => Train(configuration, folder.Path, stopAfter)).Context;
        var checkpoint = new CheckpointFolder(folder.Path, kept: 1).Latest()!.Info;

        var resumed = Train(configuration, folder.Path, stopAfter: null);

        var kept = interrupted.Metrics.Where(point =>
            point.Step <= checkpoint.Step || checkpoint.CompletedMetrics.Any(pattern => MetricNames.Matches(pattern, point.Metric)));
        return new ResumedRun(resumed.Summary, [.. kept, .. resumed.Context.Metrics], resumed.Context, checkpoint);
    }

    private static TrainedRun Train(BackdoorConfiguration configuration, string? checkpointFolder, (string Metric, int Epoch)? stopAfter, int kept = 1)
    {
        using var cancellation = new CancellationTokenSource();
        var environment = TestEnvironments.FashionMnistOnCpu() with { CheckpointFolder = checkpointFolder, CheckpointsKept = kept };
        var context = new RecordingRunContext(environment, cancellation.Token)
        {
            OnMetric = point =>
            {
                if (stopAfter is { } stop && point.Metric == stop.Metric && point.Epoch == stop.Epoch)
                {
                    cancellation.Cancel();
                }
            },
        };

        try
        {
            return new TrainedRun(new BackdoorExperiment().Run(configuration, context), context);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new InterruptedRunException(context);
        }
    }

    private static void AssertSameRun(TrainedRun expected, ResumedRun resumed)
    {
        Assert.Equal(Comparable(expected.Summary), Comparable(resumed.Summary));
        Assert.Equal(Comparable(expected.Context.Metrics), Comparable(resumed.History));
    }

    /// <summary>Measures other than wall times, which differ between any two runs.</summary>
    private static List<SummaryMeasure> Comparable(RunSummary summary) =>
        [.. summary.Measures.Where(measure => !measure.Key.Contains("seconds", StringComparison.Ordinal))];

    /// <summary>Points other than wall times, ordered by metric and step.</summary>
    private static List<RecordedMetric> Comparable(IEnumerable<RecordedMetric> points) =>
        [.. points.Where(point => !point.Metric.StartsWith("time/", StringComparison.Ordinal)).OrderBy(point => point.Metric, StringComparer.Ordinal).ThenBy(point => point.Step)];

    private sealed record TrainedRun(RunSummary Summary, RecordingRunContext Context);

    private sealed record ResumedRun(RunSummary Summary, List<RecordedMetric> History, RecordingRunContext Context, CheckpointInfo Checkpoint);

    private sealed class InterruptedRunException(RecordingRunContext context) : Exception("The run was interrupted.")
    {
        public RecordingRunContext Context { get; } = context;
    }
}
