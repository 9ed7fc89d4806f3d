using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

public static class TriggerFactory
{
    /// <summary>
    /// Creates the training trigger of <paramref name="attack"/> for images of <paramref name="shape"/>.
    /// <paramref name="patternSeed"/> seeds the random pattern of a blend random trigger and the flow field of
    /// a WaNet trigger. Narcissus triggers are synthesised from data by
    /// <see cref="Narcissus.NarcissusSynthesis"/>, so they cannot be created here.
    /// </summary>
    public static ITrigger Create(AttackSettings attack, ImageShape shape, int patternSeed)
    {
        ArgumentNullException.ThrowIfNull(attack);
        float strength = (float)attack.Strength;
        return attack.Type switch
        {
            AttackType.Patch => new PatchTrigger(shape, strength),
            AttackType.SinglePixel => PixelTrigger.SinglePixel(shape, strength),
            AttackType.BlendRandom => new BlendRandomTrigger(shape, strength, patternSeed),
            AttackType.BlendCheckerboard => new BlendTrigger(shape, strength, BlendPatterns.Checkerboard(shape)),
            AttackType.Sinusoid => new BlendTrigger(shape, strength, BlendPatterns.Sinusoid(shape)),
            AttackType.Frequency => new FrequencyTrigger(shape, strength),
            AttackType.WaNet => WarpTrigger.Create(shape, attack.Strength, patternSeed),
            AttackType.BadNets => PixelTrigger.BadNetsSquare(shape, strength),
            AttackType.Narcissus => throw new ArgumentException(
                "Narcissus triggers are synthesised from training data; use NarcissusSynthesis.", nameof(attack)),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack.Type, "Unknown attack type."),
        };
    }
}
