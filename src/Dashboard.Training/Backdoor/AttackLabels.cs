namespace Dashboard.Training.Backdoor;

/// <summary>
/// Names attacks in metric names and summaries: the attack type in snake case ("patch", "blend_random",
/// "wanet", "bad_nets"), with "#2", "#3" … appended to the second and later attacks of the same type.
/// </summary>
public static class AttackLabels
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<AttackType> types)
    {
        ArgumentNullException.ThrowIfNull(types);

        var seen = new Dictionary<AttackType, int>();
        var labels = new List<string>(types.Count);
        foreach (var type in types)
        {
            int occurrence = seen.GetValueOrDefault(type) + 1;
            seen[type] = occurrence;
            string name = SnakeCase(type);
            labels.Add(occurrence == 1 ? name : $"{name}#{occurrence}");
        }

        return labels;
    }

    public static string SnakeCase(AttackType type) => type switch
    {
        AttackType.Patch => "patch",
        AttackType.SinglePixel => "single_pixel",
        AttackType.BlendRandom => "blend_random",
        AttackType.BlendCheckerboard => "blend_checkerboard",
        AttackType.Sinusoid => "sinusoid",
        AttackType.Frequency => "frequency",
        AttackType.Narcissus => "narcissus",
        AttackType.WaNet => "wanet",
        AttackType.BadNets => "bad_nets",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown attack type."),
    };
}
