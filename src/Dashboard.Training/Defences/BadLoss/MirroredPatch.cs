using Dashboard.Training.Data;

namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// The defender's own trigger for the backdoor probes of the older BaDLoss variant. It is the attacks' 4-pixel
/// patch mirrored from the bottom-right into the top-left corner: (row, column) (1, 1), (3, 1), (1, 3) and
/// (2, 2), set to 1 in every channel. The probes are then a patch-like backdoor that shares no pixel with the
/// attacks' patch.
/// </summary>
public static class MirroredPatch
{
    public static IReadOnlyList<(int Row, int Column)> Pixels { get; } = [(1, 1), (3, 1), (1, 3), (2, 2)];

    /// <summary>Stamps the patch on one float CHW image of <paramref name="shape"/> (at least 4 × 4 pixels).</summary>
    public static void Apply(Span<float> image, ImageShape shape)
    {
        if (shape.Height < 4 || shape.Width < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The mirrored patch needs images of at least 4x4 pixels.");
        }

        if (image.Length != shape.PixelCount)
        {
            throw new ArgumentException($"Expected a {shape} image of {shape.PixelCount} values; got {image.Length}.", nameof(image));
        }

        for (int channel = 0; channel < shape.Channels; channel++)
        {
            foreach (var (row, column) in Pixels)
            {
                image[(channel * shape.Height + row) * shape.Width + column] = 1f;
            }
        }
    }
}
