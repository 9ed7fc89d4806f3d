using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;
using Dashboard.Training.Backdoor.Narcissus;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// One backdoor attack of a run: its trigger, target class, poison ratio and trigger strength.
/// Defaults follow "Protecting against simultaneous data poisoning attacks" (arXiv 2408.13221), called
/// "the paper" in the field descriptions; WaNet and BadNets follow BackdoorBench.
/// </summary>
public sealed class AttackSettings : IDependentDefaults
{
    /// <summary>Patch, single-pixel and BadNets pixel value used in arXiv 2408.13221: white.</summary>
    public const double DefaultPatchStrength = 1.0;

    /// <summary>Blend weight α of the blend random trigger in arXiv 2408.13221.</summary>
    public const double DefaultBlendStrength = 0.075;

    /// <summary>Blend weight α of the blend checkerboard trigger in arXiv 2408.13221.</summary>
    public const double DefaultCheckerboardStrength = 0.025;

    /// <summary>Blend weight α of the sinusoid trigger in arXiv 2408.13221.</summary>
    public const double DefaultSinusoidStrength = 0.075;

    /// <summary>Value added to each of the two DCT coefficients of the frequency trigger, on the 0-255 pixel scale (arXiv 2408.13221).</summary>
    public const double DefaultFrequencyStrength = 30;

    /// <summary>L∞ bound of the narcissus trigger, 16/255 in arXiv 2204.05255.</summary>
    public const double DefaultNarcissusStrength = 16.0 / 255;

    /// <summary>Warping strength s of WaNet (arXiv 2102.10369) as BackdoorBench runs it.</summary>
    public const double DefaultWaNetStrength = 0.5;

    /// <summary>Largest strength of the frequency trigger, whose strength is on the 0-255 scale; every other type allows at most 1.</summary>
    public const double MaximumFrequencyStrength = 255;

    /// <summary>Largest target class the form accepts; the dataset's class count is checked separately.</summary>
    public const int MaximumTargetClass = 999;

    /// <summary>Share of the training set each dirty-label attack of arXiv 2408.13221 poisons (1%).</summary>
    public const double DefaultPoisonRatio = 0.01;

    /// <summary>Share of the target class the sinusoid attack poisons in arXiv 2408.13221 (10%).</summary>
    public const double DefaultSinusoidPoisonRatio = 0.10;

    /// <summary>Share of the target class the narcissus attack poisons in arXiv 2408.13221 and arXiv 2204.05255 (0.5%).</summary>
    public const double DefaultNarcissusPoisonRatio = 0.005;

    /// <summary>Poison ratio of WaNet and BadNets in BackdoorBench (10%).</summary>
    public const double DefaultBackdoorBenchPoisonRatio = 0.10;

    /// <summary>WaNet's cross ratio: noise-mode images per poisoned image (2 in WaNet and BackdoorBench).</summary>
    public const double DefaultCrossRatio = 2;

    [Display(
        Name = "Attack type",
        Description = "Trigger and poisoning scheme. Dirty-label attacks stamp the trigger on images outside the target class and relabel them; clean-label attacks (sinusoid, narcissus) stamp it on target-class images and keep their labels.",
        Order = 1)]
    public AttackType Type { get; set; } = AttackType.Patch;

    [Display(
        Name = "Target class",
        Description = "Class index that triggered images should be classified as; dirty-label poisons are relabelled to it. Must be below the dataset's class count (0 to 9 for Fashion-MNIST). Ignored when the target class is drawn from the seed.",
        Order = 2)]
    [Range(0, MaximumTargetClass)]
    [DependentRange]
    public int TargetClass { get; set; }

    [Display(
        Name = "Draw target class",
        Description = "Draw the target class from the run seed and the attack's position instead of using the target class field, as the paper does. Drawn targets differ between attacks while unused classes remain; the summary and the poisoned-indices artifact report the drawn class.",
        Order = 3)]
    public bool DrawTargetClass { get; set; }

    [Display(
        Name = "Poison ratio",
        Description = "Dirty-label attacks: share of the training subset to poison; round(ratio × subset size) images outside the target class (the paper: 0.01; WaNet and BadNets in BackdoorBench: 0.1). Clean-label attacks: share of the subset's target-class images (the paper: sinusoid 0.1, narcissus 0.005).",
        Order = 4)]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double PoisonRatio { get; set; } = DefaultPoisonRatio;

    [Display(
        Name = "Trigger strength",
        Description = "Patch, single pixel, BadNets: value the trigger pixels are set to (1 = white). Blend random, blend checkerboard, sinusoid: blend weight α (the paper: 0.075, 0.025, 0.075). Frequency: value added to two DCT coefficients on the 0-255 scale (the paper: 30). Narcissus: L∞ bound of the trigger (16/255 ≈ 0.0627). WaNet: warping strength s (0.5). At most 1, except 255 for frequency.",
        Order = 5)]
    [Range(0.0, MaximumFrequencyStrength, MinimumIsExclusive = true)]
    [DependentRange]
    public double Strength { get; set; } = DefaultPatchStrength;

    [Display(
        Name = "WaNet cross ratio",
        Description = "WaNet only: noise-mode training images per poisoned image. They are warped with a randomly perturbed field and keep their true labels, so the model learns that only the exact warp is the trigger. WaNet and BackdoorBench use 2.",
        Order = 6)]
    [Range(0.0, 10.0)]
    [AppliesWhen(nameof(Type), AttackType.WaNet)]
    public double CrossRatio { get; set; } = DefaultCrossRatio;

    [Display(
        Name = "Narcissus synthesis",
        Description = "How a narcissus attack trains its surrogate model and optimises its trigger. Other attack types ignore these fields.",
        Order = 7)]
    [AppliesWhen(nameof(Type), AttackType.Narcissus)]
    public NarcissusSettings Narcissus { get; set; } = new();

    /// <summary>Creates an attack with the poison ratio and trigger strength its paper uses for <paramref name="type"/>.</summary>
    /// <param name="poisonRatio">Poison ratio; null takes <see cref="DefaultRatio"/> of <paramref name="type"/>.</param>
    public static AttackSettings Create(AttackType type, int targetClass, double? poisonRatio = null) => new()
    {
        Type = type,
        TargetClass = targetClass,
        PoisonRatio = poisonRatio ?? DefaultRatio(type),
        Strength = DefaultStrength(type),
    };

    /// <summary>Creates an attack whose target class is drawn from the run seed, with its paper's ratio and strength.</summary>
    public static AttackSettings CreateDrawn(AttackType type, double? poisonRatio = null)
    {
        var attack = Create(type, targetClass: 0, poisonRatio);
        attack.DrawTargetClass = true;
        return attack;
    }

    /// <summary>Returns the trigger strength the papers use for <paramref name="type"/>.</summary>
    public static double DefaultStrength(AttackType type) => type switch
    {
        AttackType.BlendRandom => DefaultBlendStrength,
        AttackType.BlendCheckerboard => DefaultCheckerboardStrength,
        AttackType.Sinusoid => DefaultSinusoidStrength,
        AttackType.Frequency => DefaultFrequencyStrength,
        AttackType.Narcissus => DefaultNarcissusStrength,
        AttackType.WaNet => DefaultWaNetStrength,
        _ => DefaultPatchStrength,
    };

    /// <summary>Returns the poison ratio the papers use for <paramref name="type"/> on CIFAR-10.</summary>
    public static double DefaultRatio(AttackType type) => type switch
    {
        AttackType.Sinusoid => DefaultSinusoidPoisonRatio,
        AttackType.Narcissus => DefaultNarcissusPoisonRatio,
        AttackType.WaNet or AttackType.BadNets => DefaultBackdoorBenchPoisonRatio,
        _ => DefaultPoisonRatio,
    };

    /// <summary>Returns the largest strength <paramref name="type"/> accepts.</summary>
    public static double MaximumStrength(AttackType type) => type == AttackType.Frequency ? MaximumFrequencyStrength : 1.0;

    /// <summary>
    /// Moves the strength and the poison ratio to the new type's defaults when the type changes and they were
    /// still the old type's defaults, so switching a patch attack to blend random does not blend at full
    /// weight. Values the user changed stay.
    /// </summary>
    public void OnFieldChanged(string fieldName, object? previousValue)
    {
        if (fieldName != "type" || previousValue is not AttackType previous)
        {
            return;
        }

        if (Strength == DefaultStrength(previous))
        {
            Strength = DefaultStrength(Type);
        }

        if (PoisonRatio == DefaultRatio(previous))
        {
            PoisonRatio = DefaultRatio(Type);
        }
    }
}
