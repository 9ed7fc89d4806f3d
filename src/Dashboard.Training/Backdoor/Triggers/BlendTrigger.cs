using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// A blend trigger with a fixed pattern P: x ← (1 − α)·x + α·P, clamped to [0, 1]. The blend
/// checkerboard and sinusoid attacks of arXiv 2408.13221 use it with the patterns of
/// <see cref="BlendPatterns"/>.
/// </summary>
public sealed class BlendTrigger : IScalableTrigger
{
    private readonly float[] _pattern;

    /// <param name="pattern">P as a CHW image of <paramref name="shape"/>; values may exceed 1 (the sinusoid reaches 2).</param>
    public BlendTrigger(ImageShape shape, float alpha, float[] pattern)
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

    public void Apply(Span<float> image) => Blend(image, _pattern, Alpha, Shape);

    /// <summary>Returns the trigger with α multiplied by <paramref name="factor"/>, capped at 1 (the pattern alone).</summary>
    public ITrigger Scale(double factor) => new BlendTrigger(Shape, ScaledAlpha(Alpha, factor), _pattern);

    /// <summary>Blends <paramref name="pattern"/> into <paramref name="image"/> with weight <paramref name="alpha"/> and clamps to [0, 1].</summary>
    internal static void Blend(Span<float> image, ReadOnlySpan<float> pattern, float alpha, ImageShape shape)
    {
        if (image.Length != pattern.Length)
        {
            throw new ArgumentException($"Expected a {shape} image of {pattern.Length} values; got {image.Length}.", nameof(image));
        }

        float keep = 1f - alpha;
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = Math.Clamp(keep * image[i] + alpha * pattern[i], 0f, 1f);
        }
    }

    internal static float ScaledAlpha(float alpha, double factor)
    {
        if (!(factor >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The scale factor must be 0 or more.");
        }

        return (float)Math.Min(1.0, alpha * factor);
    }
}
