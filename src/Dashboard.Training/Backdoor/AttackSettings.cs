using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// One dirty-label backdoor attack of a run: its trigger, target class, poison ratio and trigger strength.
/// Defaults follow "Protecting against simultaneous data poisoning attacks" (arXiv 2408.13221), called
/// "the paper" in the field descriptions.
/// </summary>
public sealed class AttackSettings : IDependentDefaults
{
    /// <summary>Patch pixel value used in arXiv 2408.13221: white.</summary>
    public const double DefaultPatchStrength = 1.0;

    /// <summary>Blend weight α of the blend random trigger in arXiv 2408.13221.</summary>
    public const double DefaultBlendStrength = 0.075;

    /// <summary>Largest target class the form accepts; the dataset's class count is checked separately.</summary>
    public const int MaximumTargetClass = 999;

    /// <summary>Share of the training set each attack poisons in arXiv 2408.13221 (1%).</summary>
    public const double DefaultPoisonRatio = 0.01;

    [Display(
        Name = "Attack type",
        Description = "Trigger stamped on poisoned images: a 4-pixel patch in the bottom-right corner, or a blend with a fixed random pattern.",
        Order = 1)]
    public AttackType Type { get; set; } = AttackType.Patch;

    [Display(
        Name = "Target class",
        Description = "Class index that poisoned training images are relabelled to and that triggered test images should be classified as. Must be below the dataset's class count (0 to 9 for Fashion-MNIST).",
        Order = 2)]
    [Range(0, MaximumTargetClass)]
    [DependentRange]
    public int TargetClass { get; set; }

    [Display(
        Name = "Poison ratio",
        Description = "Share of the training subset that this attack poisons; round(ratio × subset size) images whose true class is not the target get the trigger and the target label. The paper uses 0.01 (1%) per attack.",
        Order = 3)]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double PoisonRatio { get; set; } = DefaultPoisonRatio;

    [Display(
        Name = "Trigger strength",
        Description = "Patch: the value the 4 trigger pixels are set to (1 = white, the paper's value). Blend random: the blend weight α of the random pattern (the paper uses 0.075).",
        Order = 4)]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double Strength { get; set; } = DefaultPatchStrength;

    /// <summary>Creates an attack with the trigger strength arXiv 2408.13221 uses for <paramref name="type"/>.</summary>
    public static AttackSettings Create(AttackType type, int targetClass, double poisonRatio = DefaultPoisonRatio) => new()
    {
        Type = type,
        TargetClass = targetClass,
        PoisonRatio = poisonRatio,
        Strength = DefaultStrength(type),
    };

    /// <summary>Returns the trigger strength arXiv 2408.13221 uses for <paramref name="type"/>.</summary>
    public static double DefaultStrength(AttackType type) =>
        type == AttackType.BlendRandom ? DefaultBlendStrength : DefaultPatchStrength;

    /// <summary>
    /// Moves the strength to the new type's default when the type changes and the strength was still the old
    /// type's default, so switching a patch attack to blend random does not blend at full weight.
    /// </summary>
    public void OnFieldChanged(string fieldName, object? previousValue)
    {
        if (fieldName == "type" && previousValue is AttackType previous && Strength == DefaultStrength(previous))
        {
            Strength = DefaultStrength(Type);
        }
    }
}
