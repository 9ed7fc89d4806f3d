namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// The random warping field of "WaNet - Imperceptible Warping-based Backdoor Attack" (arXiv 2102.10369):
/// a k×k×2 grid of uniform values in [−1, 1], divided by its mean absolute value, upsampled bicubically to
/// H×W. The warp moves pixel (row, column) by s · field / H rows and s · field / W columns in the
/// normalised [−1, 1] coordinates of <c>grid_sample</c>.
/// </summary>
public static class WarpField
{
    /// <summary>Control points per side of the random field, k = 4 in WaNet and BackdoorBench.</summary>
    public const int DefaultControlPoints = 4;

    /// <summary>
    /// Draws the field for an H×W image: two H×W planes, the column offsets then the row offsets, before
    /// multiplying by s and dividing by the image size.
    /// </summary>
    public static (float[] Columns, float[] Rows) Draw(int height, int width, int controlPoints, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlPoints, 2);

        int count = controlPoints * controlPoints;
        var columns = new double[count];
        var rows = new double[count];
        for (int i = 0; i < count; i++)
        {
            columns[i] = 2 * random.NextDouble() - 1;
            rows[i] = 2 * random.NextDouble() - 1;
        }

        // WaNet normalises by the mean absolute value over both planes, so s sets the average displacement.
        double meanAbsolute = (columns.Sum(Math.Abs) + rows.Sum(Math.Abs)) / (2.0 * count);
        if (meanAbsolute > 0)
        {
            for (int i = 0; i < count; i++)
            {
                columns[i] /= meanAbsolute;
                rows[i] /= meanAbsolute;
            }
        }

        return (
            UpsampleBicubic(columns, controlPoints, controlPoints, height, width),
            UpsampleBicubic(rows, controlPoints, controlPoints, height, width));
    }

    /// <summary>
    /// Upsamples an h×w plane to H×W with cubic convolution (a = −0.75) and aligned corners, the rule of
    /// PyTorch's <c>interpolate(mode="bicubic", align_corners=True)</c>: output pixel i samples input position
    /// i · (h − 1) / (H − 1), and taps beyond the border repeat the edge value.
    /// </summary>
    public static float[] UpsampleBicubic(ReadOnlySpan<double> source, int sourceHeight, int sourceWidth, int height, int width)
    {
        if (source.Length != sourceHeight * sourceWidth)
        {
            throw new ArgumentException($"Expected {sourceHeight}x{sourceWidth} values; got {source.Length}.", nameof(source));
        }

        // Interpolate along the rows first, then along the columns; cubic convolution is separable.
        var (rowIndices, rowWeights) = Taps(sourceHeight, height);
        var (columnIndices, columnWeights) = Taps(sourceWidth, width);
        var result = new float[height * width];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                double sum = 0;
                for (int i = 0; i < 4; i++)
                {
                    double row = 0;
                    for (int j = 0; j < 4; j++)
                    {
                        row += columnWeights[c, j] * source[rowIndices[r, i] * sourceWidth + columnIndices[c, j]];
                    }

                    sum += rowWeights[r, i] * row;
                }

                result[r * width + c] = (float)sum;
            }
        }

        return result;
    }

    private static (int[,] Indices, double[,] Weights) Taps(int sourceSize, int size)
    {
        var indices = new int[size, 4];
        var weights = new double[size, 4];
        double scale = size > 1 ? (sourceSize - 1.0) / (size - 1.0) : 0;
        for (int i = 0; i < size; i++)
        {
            double position = i * scale;
            int floor = (int)Math.Floor(position);
            double t = position - floor;
            for (int tap = 0; tap < 4; tap++)
            {
                indices[i, tap] = Math.Clamp(floor - 1 + tap, 0, sourceSize - 1);
                weights[i, tap] = CubicWeight(t - (tap - 1));
            }
        }

        return (indices, weights);
    }

    // Keys' cubic convolution kernel with a = −0.75, evaluated at distance x from the sample.
    private static double CubicWeight(double x)
    {
        const double A = -0.75;
        x = Math.Abs(x);
        if (x <= 1)
        {
            return ((A + 2) * x - (A + 3)) * x * x + 1;
        }

        if (x < 2)
        {
            return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
        }

        return 0;
    }
}
