using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>Named configurations of the backdoor experiment. Ids are stored with runs, so they never change.</summary>
public static class BackdoorPresets
{
    public const string ReferenceId = "reference";

    public const string PaperRecipeId = "paper-recipe";

    public const string QuickCheckId = "quick-check";

    public const string PatchOnlyId = "patch-only";

    public const string BlendRandomOnlyId = "blend-random-only";

    public const string PaperAllAttacksId = "paper-all-attacks";

    public const string PaperGtsrbSetId = "paper-gtsrb-set";

    /// <summary>Prefix of the single-attack presets, followed by the attack type in kebab case, such as <c>single-patch</c>.</summary>
    public const string SinglePrefix = "single-";

    /// <summary>Epochs of the paper-recipe preset; the authors train 100 epochs of a ResNet-50 on CIFAR-10.</summary>
    public const int PaperRecipeEpochs = 30;

    /// <summary>Patch poison ratio of arXiv 2408.13221 on GTSRB (2%).</summary>
    public const double GtsrbPatchRatio = 0.02;

    /// <summary>Single-pixel poison ratio of arXiv 2408.13221 on GTSRB (4%).</summary>
    public const double GtsrbSinglePixelRatio = 0.04;

    /// <summary>Every preset with its display name and description, in the order a launch form lists them.</summary>
    public static IReadOnlyList<ExperimentPreset> All { get; } = CreateAll();

    /// <summary>The default: patch → class 0 and blend random → class 1, 1% each, all of Fashion-MNIST.</summary>
    public static BackdoorConfiguration Reference() => new();

    public static BackdoorConfiguration PaperRecipe() => new()
    {
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 1e-3,
        WeightDecay = 1e-4,
        Schedule = LearningRateSchedule.Cosine,
        BatchSize = 128,
        Epochs = PaperRecipeEpochs,
    };

    public static BackdoorConfiguration QuickCheck() => new()
    {
        TrainingSubsetSize = 5_000,
        Epochs = 1,
    };

    public static BackdoorConfiguration PatchOnly() => new()
    {
        Attacks = [AttackSettings.Create(AttackType.Patch, targetClass: 0)],
    };

    public static BackdoorConfiguration BlendRandomOnly() => new()
    {
        Attacks = [AttackSettings.Create(AttackType.BlendRandom, targetClass: 1)],
    };

    /// <summary>
    /// The seven grey-compatible attacks of arXiv 2408.13221 at once with the paper's CIFAR-10 ratios and
    /// strengths, each with its own target class drawn from the seed (distinct, since 7 ≤ 10 classes).
    /// </summary>
    public static BackdoorConfiguration PaperAllAttacks() => new()
    {
        Attacks =
        [
            AttackSettings.CreateDrawn(AttackType.Patch),
            AttackSettings.CreateDrawn(AttackType.SinglePixel),
            AttackSettings.CreateDrawn(AttackType.BlendRandom),
            AttackSettings.CreateDrawn(AttackType.BlendCheckerboard),
            AttackSettings.CreateDrawn(AttackType.Sinusoid),
            AttackSettings.CreateDrawn(AttackType.Narcissus),
            AttackSettings.CreateDrawn(AttackType.Frequency),
        ],
    };

    /// <summary>
    /// The attacks arXiv 2408.13221 runs on GTSRB, on all of GTSRB's training images: the paper-all-attacks
    /// set without narcissus, with the GTSRB ratios for patch (2%) and single pixel (4%) and the CIFAR-10
    /// ratios for the rest.
    /// </summary>
    public static BackdoorConfiguration PaperGtsrbSet() => new()
    {
        Dataset = BackdoorDataset.Gtsrb,
        TrainingSubsetSize = Gtsrb.Info.TrainingImages,
        Attacks =
        [
            AttackSettings.CreateDrawn(AttackType.Patch, GtsrbPatchRatio),
            AttackSettings.CreateDrawn(AttackType.SinglePixel, GtsrbSinglePixelRatio),
            AttackSettings.CreateDrawn(AttackType.BlendRandom),
            AttackSettings.CreateDrawn(AttackType.BlendCheckerboard),
            AttackSettings.CreateDrawn(AttackType.Sinusoid),
            AttackSettings.CreateDrawn(AttackType.Frequency),
        ],
    };

    /// <summary>Only the attack of <paramref name="type"/>, targeting class 0 with its paper's ratio and strength.</summary>
    public static BackdoorConfiguration Single(AttackType type) => new()
    {
        Attacks = [AttackSettings.Create(type, targetClass: 0)],
    };

    /// <summary>Returns the id of the single-attack preset of <paramref name="type"/>, such as <c>single-blend-random</c>.</summary>
    public static string SingleId(AttackType type) => SinglePrefix + AttackLabels.SnakeCase(type).Replace('_', '-');

    private static List<ExperimentPreset> CreateAll()
    {
        var presets = new List<ExperimentPreset>
        {
            new(
                ReferenceId,
                "Reference: patch + blend, Fashion-MNIST",
                $"Patch → class 0 and blend random → class 1, each poisoning 1% of all 60,000 training images; AdamW, learning rate 1e-3, weight decay 1e-4, cosine schedule, batch 128, {BackdoorConfiguration.DefaultEpochs} epochs.",
                Reference),
            new(
                PaperRecipeId,
                "Paper: training recipe",
                $"The paper's optimiser and schedule (AdamW, learning rate 1e-3, weight decay 1e-4, cosine, batch 128) with the reference attacks, for {PaperRecipeEpochs} epochs of the small CNN instead of the paper's 100 epochs of a ResNet-50.",
                PaperRecipe),
            new(
                QuickCheckId,
                "Quick check",
                "The reference attacks on a 5,000-image training subset for 1 epoch: finishes in seconds, to check that runs work.",
                QuickCheck),
            new(
                PatchOnlyId,
                "Reference attacks: patch only",
                "Only the reference setting's patch attack (→ class 0, 1% of the training images), otherwise the reference setting.",
                PatchOnly),
            new(
                BlendRandomOnlyId,
                "Reference attacks: blend random only",
                "Only the reference setting's blend random attack (α = 0.075, → class 1, 1% of the training images), otherwise the reference setting.",
                BlendRandomOnly),
            new(
                PaperAllAttacksId,
                "Paper: all attacks at once",
                "Patch, single pixel, blend random and blend checkerboard (1% of the training images each), sinusoid (10% of its target class), narcissus (0.5% of its target class) and frequency (1%) poison one training set, as in the paper's multi-attack setting. Each attack's target class is drawn from the seed; the 7 drawn classes differ. Otherwise the reference setting.",
                PaperAllAttacks),
            new(
                PaperGtsrbSetId,
                "Paper: GTSRB attack set",
                "The paper's GTSRB attacks on all 39,209 GTSRB training images: patch (2%), single pixel (4%), blend random and blend checkerboard (1% each), sinusoid (10% of its target class) and frequency (1%), each with its own target class drawn from the seed. Needs the GTSRB folder in the server's Datasets settings.",
                PaperGtsrbSet),
        };

        foreach (var type in Enum.GetValues<AttackType>())
        {
            var attack = AttackSettings.Create(type, targetClass: 0);
            presets.Add(new(
                SingleId(type),
                $"Single attack: {AttackLabels.SnakeCase(type).Replace('_', ' ')}",
                string.Create(CultureInfo.InvariantCulture, $"Only the {AttackLabels.SnakeCase(type).Replace('_', ' ')} attack → class 0 with its paper's poison ratio ({attack.PoisonRatio:0.###}{(type.IsCleanLabel() ? " of the target class" : string.Empty)}) and strength ({attack.Strength:0.####}), otherwise the reference setting."),
                () => Single(type)));
        }

        return presets;
    }
}
