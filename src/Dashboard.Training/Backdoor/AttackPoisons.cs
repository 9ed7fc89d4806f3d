namespace Dashboard.Training.Backdoor;

/// <summary>
/// The training images one attack poisons.
/// </summary>
/// <param name="AttackIndex">Position of the attack in the configuration's attack list.</param>
/// <param name="Label">Attack label used in metric names, for example <c>patch</c> or <c>patch#2</c>.</param>
/// <param name="Indices">Indices into the full training split, ascending.</param>
public sealed record AttackPoisons(int AttackIndex, string Label, AttackSettings Attack, IReadOnlyList<int> Indices)
{
    /// <summary>The class triggered images should be classified as: the configured one, or the one drawn from the seed.</summary>
    public int TargetClass { get; init; } = Attack.TargetClass;

    /// <summary>
    /// Indices of the WaNet noise-mode images, ascending: warped with a random perturbed grid and keeping
    /// their true labels. Empty for other attack types. No image is in two attacks' lists or in both lists.
    /// </summary>
    public IReadOnlyList<int> NoiseIndices { get; init; } = [];

    /// <summary>True when the attack keeps the labels of its poisoned images, which are then all of its target class.</summary>
    public bool IsCleanLabel => Attack.Type.IsCleanLabel();
}
