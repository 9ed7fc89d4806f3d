using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Tests.Support;
using TorchSharp;

namespace Dashboard.Training.Tests.Defences;

/// <summary>
/// One real BaDLoss run on a Fashion-MNIST subset, shared by the tests that check its results: 6,000 training
/// images, the reference patch and blend random attacks at 5% each (600 poisons), 6 trajectory epochs, 10% of
/// the training set removed, 2 epochs of retraining, 2 libtorch threads.
/// </summary>
public sealed class BadLossRunFixture
{
    public const int SubsetSize = 6_000;

    public const double PoisonRatio = 0.05;

    public const int TrajectoryEpochs = 6;

    public const int Epochs = 2;

    public const double RemovalFraction = 0.1;

    public BadLossRunFixture()
    {
        Configuration = new BackdoorConfiguration
        {
            TrainingSubsetSize = SubsetSize,
            Epochs = Epochs,
            Seed = 1,
            Defence = new DefenceSettings
            {
                Kind = DefenceKind.BadLoss,
                TrajectoryEpochs = TrajectoryEpochs,
                RemovalFraction = RemovalFraction,
            },
        };
        Configuration.Attacks.ForEach(attack => attack.PoisonRatio = PoisonRatio);

        Context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu())
        {
            OnMetric = point =>
            {
                if (point.Metric == DefenceMetrics.BadLossMean(DefenceMetrics.CleanGroup))
                {
                    LiveTensorsAfterTrajectoryEpoch.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
                }
            },
        };
        Summary = new BackdoorExperiment().Run(Configuration, Context);
    }

    public BackdoorConfiguration Configuration { get; }

    public RecordingRunContext Context { get; }

    public RunSummary Summary { get; }

    /// <summary>Tensors alive on the test thread after each trajectory epoch's losses were recorded.</summary>
    public List<long> LiveTensorsAfterTrajectoryEpoch { get; } = [];
}
