using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// A trigger that sets fixed pixels to <see cref="Value"/> in every channel: the single-pixel trigger of
/// arXiv 2408.13221 or BackdoorBench's BadNets square.
/// </summary>
public sealed class PixelTrigger : ITrigger
{
    private readonly int[] _offsets;

    /// <param name="pixels">(row, column) positions, 0-based, inside <paramref name="shape"/>.</param>
    public PixelTrigger(ImageShape shape, float value, IReadOnlyList<(int Row, int Column)> pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (!(value >= 0f && value <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The trigger pixel value must be between 0 and 1.");
        }

        foreach (var (row, column) in pixels)
        {
            if (row < 0 || row >= shape.Height || column < 0 || column >= shape.Width)
            {
                throw new ArgumentOutOfRangeException(nameof(pixels), (row, column), $"Trigger pixel ({row}, {column}) lies outside a {shape} image.");
            }
        }

        Shape = shape;
        Value = value;
        Pixels = [.. pixels];
        _offsets =
        [
            .. Pixels.SelectMany(pixel => Enumerable.Range(0, shape.Channels)
                .Select(channel => (channel * shape.Height + pixel.Row) * shape.Width + pixel.Column)),
        ];
    }

    public ImageShape Shape { get; }

    public float Value { get; }

    public IReadOnlyList<(int Row, int Column)> Pixels { get; }

    /// <summary>The single-pixel trigger of arXiv 2408.13221: the pixel at (H − 2, W − 2).</summary>
    public static PixelTrigger SinglePixel(ImageShape shape, float value = 1f)
    {
        RequireSize(shape, 2);
        return new PixelTrigger(shape, value, [(shape.Height - 2, shape.Width - 2)]);
    }

    /// <summary>
    /// BackdoorBench's BadNets trigger: a 3×3 square in the bottom-right corner, rows H − 3 to H − 1 and
    /// columns W − 3 to W − 1, touching the image border.
    /// </summary>
    public static PixelTrigger BadNetsSquare(ImageShape shape, float value = 1f)
    {
        RequireSize(shape, 3);
        var pixels = new List<(int, int)>(9);
        for (int row = shape.Height - 3; row < shape.Height; row++)
        {
            for (int column = shape.Width - 3; column < shape.Width; column++)
            {
                pixels.Add((row, column));
            }
        }

        return new PixelTrigger(shape, value, pixels);
    }

    public void Apply(Span<float> image)
    {
        if (image.Length != Shape.PixelCount)
        {
            throw new ArgumentException($"Expected a {Shape} image of {Shape.PixelCount} values; got {image.Length}.", nameof(image));
        }

        foreach (int offset in _offsets)
        {
            image[offset] = Value;
        }
    }

    private static void RequireSize(ImageShape shape, int side)
    {
        if (shape.Height < side || shape.Width < side)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"This trigger needs images of at least {side}x{side} pixels.");
        }
    }
}
