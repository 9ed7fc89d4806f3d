namespace Dashboard.Training.Tests.Defences;

/// <summary>Row-major feature matrices with a planted group of outliers, for the representation-based defences.</summary>
internal static class SyntheticFeatures
{
    /// <summary>
    /// Returns <paramref name="rows"/> × <paramref name="dimension"/> standard normal features whose last
    /// <paramref name="planted"/> rows are shifted by <paramref name="shift"/> along one random unit direction.
    /// </summary>
    public static float[] WithPlantedShift(int rows, int dimension, int planted, double shift, int seed)
    {
        var random = new Random(seed);
        double[] direction = UnitVector(random, dimension);
        var values = new float[rows * dimension];
        for (int i = 0; i < rows; i++)
        {
            bool isPlanted = i >= rows - planted;
            for (int d = 0; d < dimension; d++)
            {
                values[i * dimension + d] = (float)(Normal(random) + (isPlanted ? shift * direction[d] : 0));
            }
        }

        return values;
    }

    private static double[] UnitVector(Random random, int dimension)
    {
        var vector = new double[dimension];
        for (int d = 0; d < dimension; d++)
        {
            vector[d] = Normal(random);
        }

        double norm = Math.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
