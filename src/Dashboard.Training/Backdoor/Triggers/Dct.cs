namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// The orthonormal two-dimensional DCT-II of one image channel and its inverse (the DCT-III), the transform
/// of OpenCV's <c>cv2.dct</c>. Orthonormal scaling makes the inverse the transpose, so a forward and inverse
/// transform return the input up to rounding.
/// </summary>
public static class Dct
{
    /// <summary>Returns the H×W coefficients of an H×W channel stored row by row.</summary>
    public static double[] Forward(ReadOnlySpan<double> channel, int height, int width)
    {
        RequireLength(channel.Length, height, width);
        var rows = Basis(height);
        var columns = Basis(width);

        // X = C_H · x · C_Wᵀ, computed as two one-dimensional passes.
        var temporary = new double[height * width];
        for (int u = 0; u < height; u++)
        {
            for (int c = 0; c < width; c++)
            {
                double sum = 0;
                for (int r = 0; r < height; r++)
                {
                    sum += rows[u, r] * channel[r * width + c];
                }

                temporary[u * width + c] = sum;
            }
        }

        var coefficients = new double[height * width];
        for (int u = 0; u < height; u++)
        {
            for (int v = 0; v < width; v++)
            {
                double sum = 0;
                for (int c = 0; c < width; c++)
                {
                    sum += columns[v, c] * temporary[u * width + c];
                }

                coefficients[u * width + v] = sum;
            }
        }

        return coefficients;
    }

    /// <summary>Returns the H×W channel whose coefficients are <paramref name="coefficients"/>.</summary>
    public static double[] Inverse(ReadOnlySpan<double> coefficients, int height, int width)
    {
        RequireLength(coefficients.Length, height, width);
        var rows = Basis(height);
        var columns = Basis(width);

        // x = C_Hᵀ · X · C_W.
        var temporary = new double[height * width];
        for (int r = 0; r < height; r++)
        {
            for (int v = 0; v < width; v++)
            {
                double sum = 0;
                for (int u = 0; u < height; u++)
                {
                    sum += rows[u, r] * coefficients[u * width + v];
                }

                temporary[r * width + v] = sum;
            }
        }

        var channel = new double[height * width];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                double sum = 0;
                for (int v = 0; v < width; v++)
                {
                    sum += columns[v, c] * temporary[r * width + v];
                }

                channel[r * width + c] = sum;
            }
        }

        return channel;
    }

    /// <summary>
    /// Returns the n×n DCT-II matrix C with C[k, i] = s_k · cos(π (2i + 1) k / 2n), s_0 = √(1/n) and
    /// s_k = √(2/n) otherwise, whose rows are orthonormal.
    /// </summary>
    public static double[,] Basis(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var basis = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            double scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / n);
            for (int i = 0; i < n; i++)
            {
                basis[k, i] = scale * Math.Cos(Math.PI * (2 * i + 1) * k / (2.0 * n));
            }
        }

        return basis;
    }

    private static void RequireLength(int length, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (length != height * width)
        {
            throw new ArgumentException($"Expected {height}x{width} = {height * width} values; got {length}.");
        }
    }
}
