using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Backdoor;

/// <summary>Trigger of a dirty-label backdoor attack.</summary>
public enum AttackType
{
    [Display(
        Name = "Patch",
        Description = "Four pixels in the bottom-right corner set to the strength value.")]
    Patch,

    [Display(
        Name = "Blend random",
        Description = "The image blended with a fixed uniform-random pattern: x ← (1 − α)·x + α·P, α = strength.")]
    BlendRandom,
}
