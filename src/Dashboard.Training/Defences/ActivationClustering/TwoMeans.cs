namespace Dashboard.Training.Defences.ActivationClustering;

/// <summary>
/// k-means with k = 2 (Lloyd's algorithm, k-means++ seeding, several restarts, the lowest within-cluster sum
/// of squares kept), on row-major points of a few dimensions.
/// </summary>
public static class TwoMeans
{
    public const int DefaultRestarts = 10;

    public const int MaximumIterations = 300;

    /// <summary>Returns each point's cluster, 0 or 1. Fewer than 2 points all go to cluster 0.</summary>
    public static int[] Fit(double[] points, int count, int dimension, int seed, int restarts = DefaultRestarts)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(restarts);
        if ((long)count * dimension != points.Length)
        {
            throw new ArgumentException($"{count} points of {dimension} dimensions need {(long)count * dimension} values; got {points.Length}.", nameof(points));
        }

        if (count < 2)
        {
            return new int[count];
        }

        var random = new Random(seed);
        int[]? best = null;
        double bestInertia = double.PositiveInfinity;
        for (int restart = 0; restart < restarts; restart++)
        {
            var (assignment, inertia) = Lloyd(points, count, dimension, SeedCentres(points, count, dimension, random));
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = assignment;
            }
        }

        return best!;
    }

    /// <summary>k-means++: the first centre uniformly at random, the second with probability proportional to squared distance.</summary>
    private static double[][] SeedCentres(double[] points, int count, int dimension, Random random)
    {
        int first = random.Next(count);
        var weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            weights[i] = SquaredDistance(points, i, points, first, dimension);
            total += weights[i];
        }

        int second = first;
        if (total > 0)
        {
            double target = random.NextDouble() * total;
            for (second = 0; second < count - 1; second++)
            {
                target -= weights[second];
                if (target < 0)
                {
                    break;
                }
            }
        }

        return [Point(points, first, dimension), Point(points, second, dimension)];
    }

    private static (int[] Assignment, double Inertia) Lloyd(double[] points, int count, int dimension, double[][] centres)
    {
        var assignment = new int[count];
        Array.Fill(assignment, -1);
        double inertia = 0;
        for (int iteration = 0; iteration < MaximumIterations; iteration++)
        {
            bool changed = false;
            inertia = 0;
            for (int i = 0; i < count; i++)
            {
                double toFirst = SquaredDistance(points, i, centres[0], 0, dimension);
                double toSecond = SquaredDistance(points, i, centres[1], 0, dimension);
                int cluster = toSecond < toFirst ? 1 : 0;
                inertia += Math.Min(toFirst, toSecond);
                changed |= assignment[i] != cluster;
                assignment[i] = cluster;
            }

            if (!changed)
            {
                break;
            }

            UpdateCentres(points, count, dimension, assignment, centres);
        }

        return (assignment, inertia);
    }

    /// <summary>Moves each centre to the mean of its points; an empty cluster keeps its centre.</summary>
    private static void UpdateCentres(double[] points, int count, int dimension, int[] assignment, double[][] centres)
    {
        var sums = new double[2][] { new double[dimension], new double[dimension] };
        var sizes = new int[2];
        for (int i = 0; i < count; i++)
        {
            int cluster = assignment[i];
            sizes[cluster]++;
            for (int d = 0; d < dimension; d++)
            {
                sums[cluster][d] += points[i * dimension + d];
            }
        }

        for (int cluster = 0; cluster < 2; cluster++)
        {
            if (sizes[cluster] == 0)
            {
                continue;
            }

            for (int d = 0; d < dimension; d++)
            {
                centres[cluster][d] = sums[cluster][d] / sizes[cluster];
            }
        }
    }

    private static double[] Point(double[] points, int index, int dimension) => points.AsSpan(index * dimension, dimension).ToArray();

    private static double SquaredDistance(double[] a, int rowA, double[] b, int rowB, int dimension)
    {
        double sum = 0;
        for (int d = 0; d < dimension; d++)
        {
            double difference = a[rowA * dimension + d] - b[rowB * dimension + d];
            sum += difference * difference;
        }

        return sum;
    }
}
