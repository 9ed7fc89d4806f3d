using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Defences.Features;

/// <summary>
/// The leading singular triplets of a dense matrix by the randomised range finder with power iterations. It is
/// far cheaper than a full SVD of a feature matrix several thousand columns wide. The defences use only the
/// leading few directions, and the tests check them against exact values.
/// </summary>
public static class RandomizedSvd
{
    /// <summary>Extra random directions beyond the requested rank; they absorb the next singular directions.</summary>
    private const int Oversampling = 10;

    /// <summary>Power iterations. Each one raises the singular values to a higher power, so the leading directions dominate the sketch more.</summary>
    private const int PowerIterations = 6;

    /// <summary>
    /// Returns the top <paramref name="rank"/> singular values and left and right singular vectors of the
    /// row-major <paramref name="rows"/> × <paramref name="columns"/> matrix <paramref name="values"/>,
    /// computed on the CPU in float64. The random test matrix is drawn from <paramref name="seed"/>, so the
    /// result is reproducible; the sign of each singular vector pair is arbitrary.
    /// </summary>
    public static SingularTriplets Compute(float[] values, int rows, int columns, int rank, int seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, Math.Min(rows, columns));
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"A {rows} × {columns} matrix needs {(long)rows * columns} values; got {values.Length}.", nameof(values));
        }

        int sketch = Math.Min(rank + Oversampling, Math.Min(rows, columns));
        using var scope = torch.NewDisposeScope();

        var matrix = torch.tensor(values, [rows, columns]).to_type(ScalarType.Float64);
        var test = torch.tensor(GaussianMatrix(columns, sketch, seed), [columns, sketch]);

        var basis = Orthonormal(matrix.matmul(test));
        for (int i = 0; i < PowerIterations; i++)
        {
            basis = Orthonormal(matrix.matmul(Orthonormal(matrix.t().matmul(basis))));
        }

        var projected = basis.t().matmul(matrix);
        var (smallLeft, singular, rightTransposed) = torch.linalg.svd(projected, fullMatrices: false);
        var left = basis.matmul(smallLeft).narrow(1, 0, rank).contiguous();
        var right = rightTransposed.narrow(0, 0, rank).t().contiguous();

        return new SingularTriplets(
            rows,
            columns,
            rank,
            ToArray(singular.narrow(0, 0, rank).contiguous()),
            ToArray(left),
            ToArray(right));
    }

    private static Tensor Orthonormal(Tensor matrix)
    {
        var (q, _) = torch.linalg.qr(matrix);
        return q;
    }

    private static double[] GaussianMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            // Box–Muller; 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            values[i] = radius * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return values;
    }

    private static double[] ToArray(Tensor tensor)
    {
        using var values = tensor.data<double>();
        return values.ToArray();
    }
}

/// <summary>
/// The leading singular triplets of a <see cref="Rows"/> × <see cref="Columns"/> matrix, largest first.
/// </summary>
/// <param name="Values">Singular values, descending.</param>
/// <param name="Left">Left singular vectors, row-major <see cref="Rows"/> × <see cref="Rank"/>.</param>
/// <param name="Right">Right singular vectors, row-major <see cref="Columns"/> × <see cref="Rank"/>.</param>
public sealed record SingularTriplets(int Rows, int Columns, int Rank, double[] Values, double[] Left, double[] Right)
{
    /// <summary>Returns entry <paramref name="row"/> of left singular vector <paramref name="index"/>.</summary>
    public double LeftAt(int row, int index) => Left[row * Rank + index];

    public double RightAt(int column, int index) => Right[column * Rank + index];
}
