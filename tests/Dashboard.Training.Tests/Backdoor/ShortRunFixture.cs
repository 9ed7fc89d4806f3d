using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Backdoor;

/// <summary>
/// One real backdoor run on a Fashion-MNIST subset, shared by the tests that check its results: 20,000
/// training images, both reference attacks at a 5% poison ratio, 3 epochs, 2 libtorch threads. The
/// reference 1% ratio needs more steps than a test can afford. The run took about 6 s on an idle 2-core
/// x86-64 CPU.
/// </summary>
public sealed class ShortRunFixture
{
    public const int SubsetSize = 20_000;

    public const int Epochs = 3;

    public const double PoisonRatio = 0.05;

    /// <summary>Steps per epoch: ceil(20,000 / 128).</summary>
    public const int StepsPerEpoch = 157;

    public ShortRunFixture()
    {
        Configuration = new BackdoorConfiguration
        {
            TrainingSubsetSize = SubsetSize,
            Epochs = Epochs,
            Seed = 1,
        };
        Configuration.Attacks.ForEach(attack => attack.PoisonRatio = PoisonRatio);

        Context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());
        Summary = new BackdoorExperiment().Run(Configuration, Context);
    }

    public BackdoorConfiguration Configuration { get; }

    public RecordingRunContext Context { get; }

    public RunSummary Summary { get; }
}
