namespace Dashboard.Training.Data;

/// <summary>
/// Labelled images in managed memory: pixels as float CHW in [0, 1], image after image, so that
/// image <c>i</c> occupies <c>Pixels[i * PixelCount .. (i + 1) * PixelCount)</c>.
/// </summary>
public sealed class ImageSet
{
    public ImageSet(ImageShape shape, float[] pixels, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (shape.Channels <= 0 || shape.Height <= 0 || shape.Width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Every image dimension must be positive.");
        }

        if ((long)labels.Length * shape.PixelCount != pixels.Length)
        {
            throw new ArgumentException(
                $"{labels.Length} labels of {shape} images need {(long)labels.Length * shape.PixelCount} pixel values; got {pixels.Length}.",
                nameof(pixels));
        }

        Shape = shape;
        Pixels = pixels;
        Labels = labels;
    }

    public ImageShape Shape { get; }

    public float[] Pixels { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    public Span<float> Image(int index) => Pixels.AsSpan(checked(index * Shape.PixelCount), Shape.PixelCount);

    /// <summary>Copies the images at <paramref name="indices"/>, in that order, into a new set.</summary>
    public ImageSet Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);

        int pixelCount = Shape.PixelCount;
        var pixels = new float[checked(indices.Count * pixelCount)];
        var labels = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * pixelCount, pixelCount));
            labels[i] = Labels[indices[i]];
        }

        return new ImageSet(Shape, pixels, labels);
    }
}
