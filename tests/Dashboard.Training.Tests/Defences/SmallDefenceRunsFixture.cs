using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Defences;

/// <summary>
/// One short real run per defence other than default BaDLoss, to check that each runs end to end and reports
/// its measures: 2,000 Fashion-MNIST training images with the reference attacks at 5% each, 1 epoch of final
/// training, 1 epoch of each ABL phase, and for BaDLoss the older variant with backdoor probes and 2
/// trajectory epochs. Evaluating the test sets twice per run takes most of the time.
/// </summary>
public sealed class SmallDefenceRunsFixture
{
    public const int SubsetSize = 2_000;

    public const int AblUnlearningEpochs = 1;

    public SmallDefenceRunsFixture()
    {
        foreach (var kind in new[] { DefenceKind.SpectralSignatures, DefenceKind.ActivationClustering, DefenceKind.AntiBackdoorLearning, DefenceKind.BadLoss })
        {
            var configuration = Configuration(kind);
            var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());
            var summary = new BackdoorExperiment().Run(configuration, context);
            Runs[kind] = (configuration, context, summary);
        }
    }

    public Dictionary<DefenceKind, (BackdoorConfiguration Configuration, RecordingRunContext Context, RunSummary Summary)> Runs { get; } = [];

    private static BackdoorConfiguration Configuration(DefenceKind kind)
    {
        var configuration = new BackdoorConfiguration
        {
            TrainingSubsetSize = SubsetSize,
            Epochs = 1,
            Seed = 2,
            Defence = new DefenceSettings
            {
                Kind = kind,
                TrajectoryEpochs = 2,
                ProbeCount = 100,
                NearestProbes = 20,
                BackdoorProbes = true,
                BackdoorProbeCount = 100,
                BackdoorProbeLabel = 5,
                AblIsolationEpochs = 1,
                AblUnlearningEpochs = AblUnlearningEpochs,
            },
        };
        configuration.Attacks.ForEach(attack => attack.PoisonRatio = 0.05);
        return configuration;
    }
}
