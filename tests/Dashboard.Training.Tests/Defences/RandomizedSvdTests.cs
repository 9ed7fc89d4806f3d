using Dashboard.Training.Defences.Features;

namespace Dashboard.Training.Tests.Defences;

public sealed class RandomizedSvdTests
{
    [Fact]
    public void DiagonalMatrixSingularValues()
    {
        // diag(5, 3, 1) padded to 4 × 3: singular values 5, 3, 1 with axis-aligned singular vectors.
        float[] matrix = [5, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0];

        var svd = RandomizedSvd.Compute(matrix, rows: 4, columns: 3, rank: 2, seed: 1);

        Assert.Equal(5, svd.Values[0], precision: 9);
        Assert.Equal(3, svd.Values[1], precision: 9);
        Assert.Equal(1, Math.Abs(svd.RightAt(0, 0)), precision: 9);
        Assert.Equal(1, Math.Abs(svd.RightAt(1, 1)), precision: 9);
    }

    [Fact]
    public void LeftVectorsReconstructProjection()
    {
        float[] matrix = SyntheticFeatures.WithPlantedShift(rows: 50, dimension: 20, planted: 5, shift: 15, seed: 8);

        var svd = RandomizedSvd.Compute(matrix, rows: 50, columns: 20, rank: 1, seed: 2);

        // M v = s u for the top pair. The planted shift makes the top singular value stand far above the
        // noise, so the range finder's residual is negligible.
        for (int i = 0; i < 50; i++)
        {
            double projection = 0;
            for (int j = 0; j < 20; j++)
            {
                projection += matrix[i * 20 + j] * svd.RightAt(j, 0);
            }

            Assert.Equal(svd.Values[0] * svd.LeftAt(i, 0), projection, tolerance: 1e-6);
        }
    }

    [Fact]
    public void RankAboveSmallerSideRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomizedSvd.Compute(new float[6], rows: 2, columns: 3, rank: 3, seed: 1));
    }
}
