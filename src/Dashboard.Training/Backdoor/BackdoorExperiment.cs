using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Training.Defences;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The multi-attack backdoor study of "Protecting against simultaneous data poisoning attacks" (Alex,
/// Siddiqui, Sanyal and Krueger, arXiv 2408.13221). Several dirty-label attacks poison one training set
/// at once, and the run measures clean accuracy and each attack's success rate.
/// </summary>
public sealed class BackdoorExperiment : ExperimentKind<BackdoorConfiguration>
{
    public const string KindId = "backdoor";

    public override string Id => KindId;

    public override string DisplayName => "Multi-attack backdoor poisoning";

    public override string Description =>
        "Poisons one training set with several backdoor attacks at once, as in \"Protecting against simultaneous "
        + "data poisoning attacks\" (Alex, Siddiqui, Sanyal and Krueger, arXiv 2408.13221). Each attack stamps its "
        + "trigger (a 4-pixel patch or a blend with a random pattern) on a share of the training images outside its "
        + "target class and relabels them to that class; no image is poisoned twice. A small CNN is trained on the "
        + "poisoned set, and after every epoch the run measures clean test accuracy and, for each attack, the attack "
        + "success rate (ASR: share of triggered non-target test images predicted as the target) and robust accuracy "
        + "(the same images scored against their true class). The headline is the average ASR. A defence can clean the "
        + "training set first: BaDLoss (loss trajectories against known-clean probes, the paper's defence), Spectral "
        + "Signatures, Activation Clustering or Anti-Backdoor Learning; the run then also reports how well the defence "
        + "found the poisons (ROC AUC, precision and recall) and the undefended model's results where the defence trains one.";

    public override string HeadlineMeasure => BackdoorSummary.AverageAsrKey;

    public override string HeadlineLabel => "Average ASR";

    public override IReadOnlyList<ExperimentPreset> Presets { get; } =
    [
        Preset(
            BackdoorPresets.ReferenceId,
            "Reference: patch + blend, Fashion-MNIST",
            $"Patch → class 0 and blend random → class 1, each poisoning 1% of all 60,000 training images; AdamW, learning rate 1e-3, weight decay 1e-4, cosine schedule, batch 128, {BackdoorConfiguration.DefaultEpochs} epochs.",
            BackdoorPresets.Reference),
        Preset(
            BackdoorPresets.PaperRecipeId,
            "Paper: training recipe",
            $"The paper's optimiser and schedule (AdamW, learning rate 1e-3, weight decay 1e-4, cosine, batch 128) with the reference attacks, for {BackdoorPresets.PaperRecipeEpochs} epochs of the small CNN instead of the paper's 100 epochs of a ResNet-50.",
            BackdoorPresets.PaperRecipe),
        Preset(
            BackdoorPresets.QuickCheckId,
            "Quick check",
            "The reference attacks on a 5,000-image training subset for 1 epoch: finishes in seconds, to check that runs work.",
            BackdoorPresets.QuickCheck),
        Preset(
            BackdoorPresets.PatchOnlyId,
            "Single attack: patch",
            "Only the patch attack (→ class 0, 1% of the training images), otherwise the reference setting.",
            BackdoorPresets.PatchOnly),
        Preset(
            BackdoorPresets.BlendRandomOnlyId,
            "Single attack: blend random",
            "Only the blend random attack (α = 0.075, → class 1, 1% of the training images), otherwise the reference setting.",
            BackdoorPresets.BlendRandomOnly),
    ];

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

    /// <summary>A study group compares defences unless the user picks another choice field.</summary>
    public override string? DefaultGroupField => "defence.kind";

    public override BackdoorConfiguration CreateDefault() => BackdoorPresets.Reference();

    /// <exception cref="RunFailedException">Data is missing or invalid, or the device is unavailable.</exception>
    protected override RunSummary Execute(BackdoorConfiguration configuration, IRunContext context) =>
        new BackdoorRun(configuration, context).Execute();

    protected override IEnumerable<FieldError> ValidateRules(BackdoorConfiguration configuration) =>
        BackdoorRules.Validate(configuration).Concat(DefenceRules.Validate(configuration));
}
