using Dashboard.Training.Defences.Features;

namespace Dashboard.Training.Defences.ActivationClustering;

/// <summary>
/// The per-class step of "Detecting Backdoor Attacks on Deep Neural Networks by Activation Clustering"
/// (Chen et al., arXiv 1811.03728): reduce the last hidden layer's activations of one class to a few
/// dimensions and split them into 2 clusters. Poisoned examples of a target class activate differently from
/// its genuine members and so form the smaller cluster.
/// </summary>
/// <remarks>
/// The paper reduces with independent component analysis (ICA). This class uses whitened principal components
/// instead. FastICA whitens the data and then applies an orthogonal unmixing matrix; Euclidean distances, and
/// with them the clusters of 2-means, do not change under an orthogonal map. So whitened PCA yields the same
/// partition as ICA, up to the random start of k-means.
/// </remarks>
public static class ActivationClusterer
{
    /// <summary>
    /// Clusters the row-major <paramref name="rows"/> × <paramref name="dimension"/> <paramref name="features"/>
    /// of one class after reducing them to <paramref name="components"/> whitened principal components
    /// (fewer when the class has fewer examples or features). Centres <paramref name="features"/> in place.
    /// </summary>
    public static ClassClusters Cluster(float[] features, int rows, int dimension, int components, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);

        int rank = Math.Min(components, Math.Min(rows - 1, dimension));
        if (rank < 1)
        {
            return new ClassClusters(new int[rows], 0);
        }

        FeatureMatrix.Centre(features, rows, dimension);
        var principal = RandomizedSvd.Compute(features, rows, dimension, rank, seed);

        // Whitened component j of row i is (M v_j)_i / std_j = u_ij · s_j / (s_j / sqrt(n - 1)) = u_ij · sqrt(n - 1).
        double scale = Math.Sqrt(rows - 1);
        var reduced = new double[rows * rank];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < rank; j++)
            {
                reduced[i * rank + j] = principal.Values[j] > 0 ? principal.LeftAt(i, j) * scale : 0;
            }
        }

        int[] assignment = TwoMeans.Fit(reduced, rows, rank, seed);
        return new ClassClusters(assignment, rank);
    }
}

/// <summary>The 2-means split of one class.</summary>
public sealed class ClassClusters
{
    private readonly int[] _sizes = new int[2];

    /// <param name="assignment">Cluster of each example, 0 or 1.</param>
    /// <param name="components">Number of principal components the examples were reduced to.</param>
    public ClassClusters(int[] assignment, int components)
    {
        ArgumentNullException.ThrowIfNull(assignment);

        Assignment = assignment;
        Components = components;
        foreach (int cluster in assignment)
        {
            _sizes[cluster]++;
        }
    }

    public IReadOnlyList<int> Assignment { get; }

    public int Components { get; }

    public int Count => Assignment.Count;

    /// <summary>The cluster with fewer examples; cluster 1 when both are equal.</summary>
    public int SmallerCluster => _sizes[0] < _sizes[1] ? 0 : 1;

    /// <summary>Share of the class's examples in <paramref name="cluster"/> (0 to 1); 1 for an empty class.</summary>
    public double RelativeSize(int cluster) => Count == 0 ? 1 : (double)_sizes[cluster] / Count;
}
