using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Backdoor;

/// <summary>
/// One real run of the paper-all-attacks preset on a 6,000-image Fashion-MNIST subset for 1 epoch, with the
/// narcissus synthesis shortened, shared by the tests that check what the run reports.
/// </summary>
public sealed class AllAttacksRunFixture
{
    public const int SubsetSize = 6_000;

    public AllAttacksRunFixture()
    {
        Configuration = BackdoorPresets.PaperAllAttacks();
        Configuration.TrainingSubsetSize = SubsetSize;
        Configuration.Epochs = 1;
        var narcissus = Configuration.Attacks.Single(a => a.Type == AttackType.Narcissus).Narcissus;
        narcissus.PoodImages = 500;
        narcissus.SurrogateEpochs = 1;
        narcissus.TuningEpochs = 1;
        narcissus.TriggerSteps = 20;

        Context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());
        Summary = new BackdoorExperiment().Run(Configuration, Context);
    }

    public BackdoorConfiguration Configuration { get; }

    public RecordingRunContext Context { get; }

    public RunSummary Summary { get; }
}
