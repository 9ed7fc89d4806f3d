using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The patch trigger of the multi-attack backdoor study (arXiv 2408.13221): four pixels near the
/// bottom-right corner, at (row, column) (H-2, W-2), (H-4, W-2), (H-2, W-4) and (H-3, W-3), set to
/// <see cref="Value"/> in every channel.
/// </summary>
public sealed class PatchTrigger : ITrigger
{
    private readonly int[] _offsets;

    public PatchTrigger(ImageShape shape, float value = 1f)
    {
        if (shape.Height < 4 || shape.Width < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The patch trigger needs images of at least 4x4 pixels.");
        }

        if (!(value >= 0f && value <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The patch value must be between 0 and 1.");
        }

        Shape = shape;
        Value = value;
        _offsets = [.. Pixels(shape).SelectMany(pixel => ChannelOffsets(shape, pixel.Row, pixel.Column))];
    }

    public ImageShape Shape { get; }

    public float Value { get; }

    /// <summary>Returns the trigger's (row, column) positions, 0-based, for images of <paramref name="shape"/>.</summary>
    public static IReadOnlyList<(int Row, int Column)> Pixels(ImageShape shape)
    {
        int h = shape.Height;
        int w = shape.Width;
        return [(h - 2, w - 2), (h - 4, w - 2), (h - 2, w - 4), (h - 3, w - 3)];
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

    private static IEnumerable<int> ChannelOffsets(ImageShape shape, int row, int column) =>
        Enumerable.Range(0, shape.Channels).Select(channel => (channel * shape.Height + row) * shape.Width + column);
}
