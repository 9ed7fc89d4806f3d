using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Trigger of a backdoor attack. The first seven are the attacks of "Protecting against simultaneous data
/// poisoning attacks" (arXiv 2408.13221); WaNet and BadNets are BackdoorBench's comparison attacks.
/// JSON stores the camel-case member name, so renaming a member breaks stored configurations.
/// </summary>
public enum AttackType
{
    [Display(
        Name = "Patch",
        Description = "Dirty-label. Four pixels in the bottom-right corner set to the strength value.")]
    Patch,

    [Display(
        Name = "Single pixel",
        Description = "Dirty-label. The pixel at (H − 2, W − 2) set to the strength value.")]
    SinglePixel,

    [Display(
        Name = "Blend random",
        Description = "Dirty-label. The image blended with a fixed uniform-random pattern: x ← (1 − α)·x + α·P, α = strength.")]
    BlendRandom,

    [Display(
        Name = "Blend checkerboard",
        Description = "Dirty-label. The image blended with a checkerboard of 1s and 0s: x ← (1 − α)·x + α·P, α = strength.")]
    BlendCheckerboard,

    [Display(
        Name = "Sinusoid",
        Description = "Clean-label: poisons only target-class images and keeps their labels. Blends the image with P = 1 − cos(2π·6·column / W): x ← (1 − α)·x + α·P, α = strength.")]
    Sinusoid,

    [Display(
        Name = "Frequency",
        Description = "Dirty-label. Adds the strength (0-255 scale) to two fixed DCT coefficients of the chroma channels (of the single channel of grey images).")]
    Frequency,

    [Display(
        Name = "Narcissus",
        Description = "Clean-label: poisons only target-class images and keeps their labels. Adds a trigger optimised on a surrogate model, bounded by the strength in L∞.")]
    Narcissus,

    [Display(
        Name = "WaNet",
        Description = "Dirty-label. Warps the image with a fixed smooth random flow field of strength s; extra images warped with a perturbed field keep their labels (noise mode).")]
    WaNet,

    [Display(
        Name = "BadNets",
        Description = "Dirty-label. A 3×3 square in the bottom-right corner set to the strength value.")]
    BadNets,
}

/// <summary>Facts about each <see cref="AttackType"/> that poisoning and evaluation depend on.</summary>
public static class AttackTypes
{
    /// <summary>
    /// True for clean-label attacks (sinusoid, narcissus): they poison only images of their target class and
    /// keep the labels. The others are dirty-label: they poison images outside the target class and relabel them.
    /// </summary>
    public static bool IsCleanLabel(this AttackType type) => type is AttackType.Sinusoid or AttackType.Narcissus;

    /// <summary>
    /// True for the blend attacks (blend random, blend checkerboard, sinusoid), whose success rate is also
    /// measured with the trigger at twice its blend weight ("boosted ASR" in arXiv 2408.13221).
    /// </summary>
    /// <remarks>
    /// The BaDLoss authors' code also boosts the narcissus trigger. Here narcissus test images get the
    /// trigger magnified by its test multiplier instead (3× in arXiv 2204.05255), and no boosted ASR.
    /// </remarks>
    public static bool HasBoostedAsr(this AttackType type) =>
        type is AttackType.BlendRandom or AttackType.BlendCheckerboard or AttackType.Sinusoid;
}
