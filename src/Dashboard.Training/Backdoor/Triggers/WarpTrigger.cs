using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// The WaNet trigger (arXiv 2102.10369): every channel is resampled bilinearly at a fixed, slightly warped
/// grid, like PyTorch's <c>grid_sample</c> with <c>align_corners=True</c> and zero padding. The grid is the
/// identity plus a smooth random flow field (<see cref="WarpField"/>), clamped to [−1, 1]. Its noise mode
/// adds independent uniform noise of up to one pixel to the grid of each image.
/// </summary>
public sealed class WarpTrigger : INoiseModeTrigger
{
    // Sampling positions in normalised coordinates, H×W each: −1 is the first pixel's centre, 1 the last's.
    private readonly float[] _gridColumns;
    private readonly float[] _gridRows;

    private WarpTrigger(ImageShape shape, float[] gridColumns, float[] gridRows)
    {
        Shape = shape;
        _gridColumns = gridColumns;
        _gridRows = gridRows;
    }

    public ImageShape Shape { get; }

    /// <summary>
    /// Creates WaNet's trigger with strength s and k×k control points, drawing the field from
    /// <see cref="Random"/> seeded with <paramref name="seed"/>.
    /// </summary>
    public static WarpTrigger Create(ImageShape shape, double strength, int seed, int controlPoints = WarpField.DefaultControlPoints)
    {
        RequireSize(shape);
        if (!(strength >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "The warping strength must be 0 or more.");
        }

        var (columns, rows) = WarpField.Draw(shape.Height, shape.Width, controlPoints, new Random(seed));
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = (float)(strength * columns[i] / shape.Width);
            rows[i] = (float)(strength * rows[i] / shape.Height);
        }

        return FromFlow(shape, columns, rows);
    }

    /// <summary>
    /// Creates the trigger that samples at the identity grid moved by the given offsets (normalised
    /// coordinates, H×W each), clamped to [−1, 1]. Zero offsets give the identity.
    /// </summary>
    public static WarpTrigger FromFlow(ImageShape shape, ReadOnlySpan<float> columnOffsets, ReadOnlySpan<float> rowOffsets)
    {
        RequireSize(shape);
        int plane = shape.Height * shape.Width;
        if (columnOffsets.Length != plane || rowOffsets.Length != plane)
        {
            throw new ArgumentException($"Each flow plane must have {shape.Height}x{shape.Width} = {plane} values; got {columnOffsets.Length} and {rowOffsets.Length}.");
        }

        var gridColumns = new float[plane];
        var gridRows = new float[plane];
        for (int r = 0; r < shape.Height; r++)
        {
            for (int c = 0; c < shape.Width; c++)
            {
                int i = r * shape.Width + c;
                gridColumns[i] = Math.Clamp(Identity(c, shape.Width) + columnOffsets[i], -1f, 1f);
                gridRows[i] = Math.Clamp(Identity(r, shape.Height) + rowOffsets[i], -1f, 1f);
            }
        }

        return new WarpTrigger(shape, gridColumns, gridRows);
    }

    public void Apply(Span<float> image) => Warp(image, _gridColumns, _gridRows);

    /// <summary>
    /// Warps with this trigger's grid plus uniform noise in [−1/H, 1/H] rows and [−1/W, 1/W] columns per
    /// pixel, clamped to [−1, 1]: WaNet's noise mode, which keeps the image's true label.
    /// </summary>
    public void ApplyNoiseMode(Span<float> image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var columns = new float[_gridColumns.Length];
        var rows = new float[_gridRows.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = Math.Clamp(_gridColumns[i] + (2 * random.NextSingle() - 1) / Shape.Width, -1f, 1f);
            rows[i] = Math.Clamp(_gridRows[i] + (2 * random.NextSingle() - 1) / Shape.Height, -1f, 1f);
        }

        Warp(image, columns, rows);
    }

    private void Warp(Span<float> image, float[] gridColumns, float[] gridRows)
    {
        if (image.Length != Shape.PixelCount)
        {
            throw new ArgumentException($"Expected a {Shape} image of {Shape.PixelCount} values; got {image.Length}.", nameof(image));
        }

        int h = Shape.Height;
        int w = Shape.Width;
        int plane = h * w;
        float[] source = image.ToArray();
        for (int i = 0; i < plane; i++)
        {
            // align_corners=True maps −1 and 1 to the centres of the first and last pixels.
            double x = (gridColumns[i] + 1.0) / 2 * (w - 1);
            double y = (gridRows[i] + 1.0) / 2 * (h - 1);
            int x0 = (int)Math.Floor(x);
            int y0 = (int)Math.Floor(y);
            double dx = x - x0;
            double dy = y - y0;
            for (int channel = 0; channel < Shape.Channels; channel++)
            {
                int offset = channel * plane;
                double value =
                    (1 - dy) * ((1 - dx) * Tap(source, offset, y0, x0, h, w) + dx * Tap(source, offset, y0, x0 + 1, h, w))
                    + dy * ((1 - dx) * Tap(source, offset, y0 + 1, x0, h, w) + dx * Tap(source, offset, y0 + 1, x0 + 1, h, w));
                image[offset + i] = Math.Clamp((float)value, 0f, 1f);
            }
        }
    }

    // Zero padding: taps outside the image contribute nothing.
    private static double Tap(float[] source, int offset, int row, int column, int height, int width) =>
        row < 0 || row >= height || column < 0 || column >= width ? 0 : source[offset + row * width + column];

    private static float Identity(int index, int size) => size == 1 ? 0f : (float)(-1.0 + 2.0 * index / (size - 1));

    private static void RequireSize(ImageShape shape)
    {
        if (shape.Height < 2 || shape.Width < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The warping trigger needs images of at least 2x2 pixels.");
        }
    }
}
