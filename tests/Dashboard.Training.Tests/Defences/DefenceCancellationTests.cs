using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Defences;

public sealed class DefenceCancellationTests
{
    /// <summary>Every defence trains through the same loop, so BaDLoss's trajectory phase stands for all of them.</summary>
    [Fact]
    public void CancellationStopsDefencePhase()
    {
        using var cancellation = new CancellationTokenSource();
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu(), cancellation.Token)
        {
            OnMetric = point =>
            {
                if (point.Metric == DefenceMetrics.TrainLoss && point.Step == 3)
                {
                    cancellation.Cancel();
                }
            },
        };
        var configuration = new BackdoorConfiguration { TrainingSubsetSize = 1_000, Epochs = 1, Seed = 1 };
        configuration.Attacks.ForEach(attack => attack.PoisonRatio = 0.05);
        configuration.Defence.Kind = DefenceKind.BadLoss;

        Assert.ThrowsAny<OperationCanceledException>(() => new BackdoorExperiment().Run(configuration, context));
        Assert.Equal(3, context.Series(DefenceMetrics.TrainLoss).Count);
        Assert.Empty(context.Series(BackdoorMetrics.TrainLoss));
    }
}
