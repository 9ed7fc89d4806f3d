using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Tests.Support;
using TorchSharp;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorRunTests
{
    private readonly BackdoorExperiment _kind = new();

    [Fact]
    public void SameSeedSameLosses()
    {
        var first = TrainLosses(seed: 5);
        var second = TrainLosses(seed: 5);

        Assert.Equal(first, second);
    }

    [Fact]
    public void OtherSeedOtherLosses()
    {
        var first = TrainLosses(seed: 5);
        var second = TrainLosses(seed: 6);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void LiveTensorsFlatAcrossEpochs()
    {
        var liveAfterEpoch = new List<long>();
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu())
        {
            OnMetric = point =>
            {
                if (point.Metric == BackdoorMetrics.EvalSeconds)
                {
                    liveAfterEpoch.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
                }
            },
        };

        _kind.Run(SmallConfiguration(seed: 1, epochs: 4), context);

        Assert.Equal(4, liveAfterEpoch.Count);
        Assert.Equal(liveAfterEpoch[0], liveAfterEpoch[1]);
        Assert.Equal(liveAfterEpoch[0], liveAfterEpoch[3]);
    }

    [Fact]
    public void CancellationStopsRun()
    {
        using var cancellation = new CancellationTokenSource();
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu(), cancellation.Token)
        {
            OnMetric = point =>
            {
                if (point.Metric == BackdoorMetrics.TrainLoss && point.Step == 5)
                {
                    cancellation.Cancel();
                }
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => _kind.Run(SmallConfiguration(seed: 1, epochs: 2), context));
        Assert.Equal(5, context.Series(BackdoorMetrics.TrainLoss).Count);
    }

    [Fact]
    public void CancelledRunNeverTrains()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu(), cancellation.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => _kind.Run(SmallConfiguration(seed: 1, epochs: 1), context));
        Assert.Empty(context.Metrics);
    }

    [Fact]
    public void MissingDatasetFailsBeforeTraining()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-fashion-mnist-" + Guid.NewGuid().ToString("N"));
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu(folder));

        var error = Assert.Throws<RunFailedException>(() => _kind.Run(SmallConfiguration(seed: 1, epochs: 1), context));

        Assert.Contains(folder, error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Empty(context.Metrics);
    }

    [Fact]
    public void InvalidConfigurationFailsRun()
    {
        var configuration = SmallConfiguration(seed: 1, epochs: 1);
        configuration.TrainingSubsetSize = 70_000;
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());

        var error = Assert.Throws<RunFailedException>(() => _kind.Run(configuration, context));

        Assert.Contains("trainingSubsetSize", error.Message);
        Assert.Empty(context.Metrics);
    }

    [Fact]
    public void UnknownDeviceFailsRun()
    {
        var environment = TestEnvironments.FashionMnistOnCpu() with { Device = "tpu" };
        var context = new RecordingRunContext(environment);

        var error = Assert.Throws<RunFailedException>(() => _kind.Run(SmallConfiguration(seed: 1, epochs: 1), context));

        Assert.Contains("'tpu'", error.Message);
    }

    [Fact]
    public void SgdRunLearns()
    {
        var configuration = SmallConfiguration(seed: 1, epochs: 1);
        configuration.Optimizer = Dashboard.Training.Classification.OptimizerKind.Sgd;
        configuration.LearningRate = 0.05;
        configuration.Schedule = Dashboard.Training.Classification.LearningRateSchedule.Constant;
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());

        var summary = _kind.Run(configuration, context);

        Assert.InRange(summary.Find(BackdoorSummary.CleanAccuracyKey)!.Value, 0.5, 1.0);
        Assert.All(context.Series(BackdoorMetrics.LearningRate), point => Assert.Equal(0.05, point.Value));
    }

    private List<double> TrainLosses(int seed)
    {
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());
        _kind.Run(SmallConfiguration(seed, epochs: 1), context);
        return [.. context.Series(BackdoorMetrics.TrainLoss).Select(point => point.Value)];
    }

    /// <summary>A 3,000-image subset with the reference attacks at 2%: seconds per run.</summary>
    private static BackdoorConfiguration SmallConfiguration(int seed, int epochs)
    {
        var configuration = new BackdoorConfiguration
        {
            TrainingSubsetSize = 3_000,
            Epochs = epochs,
            Seed = seed,
        };
        configuration.Attacks.ForEach(attack => attack.PoisonRatio = 0.02);
        return configuration;
    }
}
