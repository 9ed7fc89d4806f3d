using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Training.Defences;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The multi-attack backdoor study of "Protecting against simultaneous data poisoning attacks" (Alex,
/// Siddiqui, Sanyal and Krueger, arXiv 2408.13221). Several attacks poison one training set at once, an
/// optional defence cleans it, and the run measures clean accuracy and each attack's success rate.
/// </summary>
public sealed class BackdoorExperiment : ExperimentKind<BackdoorConfiguration>, IChoiceAvailability
{
    public const string KindId = "backdoor";

    public override string Id => KindId;

    private const string DatasetField = "dataset";

    public override string DisplayName => "Multi-attack backdoor poisoning";

    public override string Description =>
        "Poisons one training set with several backdoor attacks at once, as in \"Protecting against simultaneous "
        + "data poisoning attacks\" (Alex, Siddiqui, Sanyal and Krueger, arXiv 2408.13221). Each attack stamps its "
        + "trigger on a share of the training images: dirty-label attacks (such as the 4-pixel patch or a blend with a "
        + "random pattern) relabel images from other classes to their target class, clean-label attacks (such as "
        + "sinusoid) poison images of the target class and keep their labels; no image is poisoned twice. A defence can "
        + "clean the training set first: BaDLoss (loss trajectories against known-clean probes, the paper's defence), "
        + "Spectral Signatures, Activation Clustering or Anti-Backdoor Learning. The final model trains on the result, "
        + "and after every epoch the run measures clean test accuracy and, for each attack, the attack success rate "
        + "(ASR: share of triggered non-target test images predicted as the target) and robust accuracy (the same "
        + "images scored against their true class). The headline is the average ASR. A defended run also reports how "
        + "well the defence found the poisons (ROC AUC, precision and recall) and the undefended model's results where "
        + "the defence trains one.";

    public override string HeadlineMeasure => BackdoorSummary.AverageAsrKey;

    public override string HeadlineLabel => "Average ASR";

    /// <summary>The presets of <see cref="BackdoorPresets.All"/>, in its order.</summary>
    public override IReadOnlyList<ExperimentPreset> Presets => BackdoorPresets.All;

    public override IReadOnlyList<ChartSpec> Charts { get; } =
    [
        new("Training loss", [BackdoorMetrics.TrainLoss], ChartAxis.Step, "Cross-entropy"),
        new(
            "Clean and robust accuracy",
            [BackdoorMetrics.CleanAccuracy, BackdoorMetrics.RobustAccuracyPrefix + "*"],
            ChartAxis.Epoch,
            "Accuracy",
            MeasureFormat.Percent),
        new(
            "Attack success rate",
            [BackdoorMetrics.AsrPrefix + "*", BackdoorMetrics.AverageAsr],
            ChartAxis.Epoch,
            "ASR",
            MeasureFormat.Percent),
        new(
            "Boosted ASR (blend triggers at twice their weight)",
            [BackdoorMetrics.AsrBoostedPrefix + "*"],
            ChartAxis.Epoch,
            "ASR",
            MeasureFormat.Percent),
        .. DefenceCharts.All,
    ];

    /// <summary>Measures a study group compares, for example one run per defence.</summary>
    public override IReadOnlyList<string> ComparisonMeasures { get; } =
    [
        BackdoorSummary.AverageAsrKey,
        BackdoorSummary.CleanAccuracyKey,
        "asr/*",
        DefenceSummary.AucKey,
        DefenceSummary.PrecisionKey,
        DefenceSummary.RecallKey,
        DefenceSummary.BeforeAverageAsrKey,
    ];

    /// <summary>
    /// Headings that fit every defence in a group: each run labels these measures after its own defence, such
    /// as "Detection ROC AUC (BaDLoss rank score)".
    /// </summary>
    public override string? ComparisonLabel(string measureKey) => measureKey switch
    {
        DefenceSummary.AucKey => "Detection ROC AUC of the defence's score",
        DefenceSummary.PrecisionKey => "Precision of the removed (ABL: isolated) set",
        DefenceSummary.RecallKey => "Recall of the removed (ABL: isolated) set",
        DefenceSummary.BeforeAverageAsrKey => "Average ASR of the model the defence trained on the poisoned set",
        _ => null,
    };

    /// <summary>A study group compares defences unless the user picks another choice field.</summary>
    public override string? DefaultGroupField => "defence.kind";

    /// <summary>
    /// Offers CIFAR-10 and GTSRB only when the server's <c>Datasets</c> setting names a folder with their files,
    /// and Fashion-MNIST only when its folder (by default Debian's package) contains the four IDX files.
    /// </summary>
    public string? UnavailableReason(string fieldPath, string choiceValue, RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (fieldPath != DatasetField)
        {
            return null;
        }

        foreach (var dataset in Enum.GetValues<BackdoorDataset>())
        {
            if (ConfigurationSchema.EnumJsonValue(dataset) == choiceValue)
            {
                return BackdoorDatasets.DescribeUnavailable(dataset, environment.DatasetPaths);
            }
        }

        return null;
    }

    public override BackdoorConfiguration CreateDefault() => BackdoorPresets.Reference();

    /// <exception cref="RunFailedException">Data is missing or invalid, or the device is unavailable.</exception>
    protected override RunSummary Execute(BackdoorConfiguration configuration, IRunContext context) =>
        new BackdoorRun(configuration, context).Execute();

    protected override IEnumerable<FieldError> ValidateRules(BackdoorConfiguration configuration) =>
        BackdoorRules.Validate(configuration).Concat(DefenceRules.Validate(configuration));
}
