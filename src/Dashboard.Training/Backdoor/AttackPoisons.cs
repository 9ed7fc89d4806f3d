namespace Dashboard.Training.Backdoor;

/// <summary>
/// The training images one attack poisons.
/// </summary>
/// <param name="AttackIndex">Position of the attack in the configuration's attack list.</param>
/// <param name="Label">Attack label used in metric names, for example <c>patch</c> or <c>patch#2</c>.</param>
/// <param name="Indices">Indices into the full training split, ascending.</param>
public sealed record AttackPoisons(int AttackIndex, string Label, AttackSettings Attack, IReadOnlyList<int> Indices)
{
    public int TargetClass => Attack.TargetClass;
}
