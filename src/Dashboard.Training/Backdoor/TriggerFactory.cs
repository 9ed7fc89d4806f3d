using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

public static class TriggerFactory
{
    /// <summary>
    /// Creates the trigger of <paramref name="attack"/> for images of <paramref name="shape"/>.
    /// <paramref name="patternSeed"/> seeds the random pattern of a blend random trigger.
    /// </summary>
    public static ITrigger Create(AttackSettings attack, ImageShape shape, int patternSeed)
    {
        ArgumentNullException.ThrowIfNull(attack);
        return attack.Type switch
        {
            AttackType.Patch => new PatchTrigger(shape, (float)attack.Strength),
            AttackType.BlendRandom => new BlendRandomTrigger(shape, (float)attack.Strength, patternSeed),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack.Type, "Unknown attack type."),
        };
    }
}
