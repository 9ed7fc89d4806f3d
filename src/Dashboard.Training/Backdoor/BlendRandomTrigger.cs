using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The blend random trigger of the multi-attack backdoor study (arXiv 2408.13221):
/// x ← (1 − α)·x + α·P, clamped to [0, 1], where P is a fixed pattern of uniform random values in
/// [0, 1). Each instance has its own pattern, so training and test poisons of a run must share the instance
/// or its seed.
/// </summary>
public sealed class BlendRandomTrigger : IScalableTrigger
{
    private readonly float[] _pattern;

    /// <summary>Draws the pattern from <see cref="Random"/> seeded with <paramref name="seed"/>.</summary>
    public BlendRandomTrigger(ImageShape shape, float alpha, int seed)
        : this(shape, alpha, DrawPattern(shape, seed))
    {
    }

    /// <summary>Uses <paramref name="pattern"/>, a CHW image of <paramref name="shape"/>, as P.</summary>
    public BlendRandomTrigger(ImageShape shape, float alpha, float[] pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length != shape.PixelCount)
        {
            throw new ArgumentException($"The pattern must be a {shape} image of {shape.PixelCount} values; got {pattern.Length}.", nameof(pattern));
        }

        if (!(alpha >= 0f && alpha <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The blend weight alpha must be between 0 and 1.");
        }

        Shape = shape;
        Alpha = alpha;
        _pattern = (float[])pattern.Clone();
    }

    public ImageShape Shape { get; }

    public float Alpha { get; }

    public ReadOnlySpan<float> Pattern => _pattern;

    public void Apply(Span<float> image) => BlendTrigger.Blend(image, _pattern, Alpha, Shape);

    /// <summary>Returns the trigger with the same pattern and α multiplied by <paramref name="factor"/>, capped at 1.</summary>
    public ITrigger Scale(double factor) => new BlendRandomTrigger(Shape, BlendTrigger.ScaledAlpha(Alpha, factor), _pattern);

    private static float[] DrawPattern(ImageShape shape, int seed)
    {
        var random = new Random(seed);
        var pattern = new float[shape.PixelCount];
        for (int i = 0; i < pattern.Length; i++)
        {
            pattern[i] = random.NextSingle();
        }

        return pattern;
    }
}
