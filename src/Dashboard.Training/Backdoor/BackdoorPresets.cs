using Dashboard.Training.Classification;

namespace Dashboard.Training.Backdoor;

/// <summary>Named configurations of the backdoor experiment.</summary>
public static class BackdoorPresets
{
    public const string ReferenceId = "reference";

    public const string PaperRecipeId = "paper-recipe";

    public const string QuickCheckId = "quick-check";

    public const string PatchOnlyId = "patch-only";

    public const string BlendRandomOnlyId = "blend-random-only";

    /// <summary>Epochs of the paper-recipe preset; the authors train 100 epochs of a ResNet-50 on CIFAR-10.</summary>
    public const int PaperRecipeEpochs = 30;

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
}
