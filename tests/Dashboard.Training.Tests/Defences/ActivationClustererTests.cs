using Dashboard.Training.Defences.ActivationClustering;

namespace Dashboard.Training.Tests.Defences;

public sealed class ActivationClustererTests
{
    private const int Rows = 400;
    private const int Dimension = 40;
    private const int Planted = 40;

    [Fact]
    public void PlantedSmallClusterSeparated()
    {
        float[] features = SyntheticFeatures.WithPlantedShift(Rows, Dimension, Planted, shift: 8, seed: 9);

        var clusters = ActivationClusterer.Cluster(features, Rows, Dimension, components: 10, seed: 1);

        int smaller = clusters.SmallerCluster;
        var members = Enumerable.Range(0, Rows).Where(row => clusters.Assignment[row] == smaller);
        Assert.Equal(Enumerable.Range(Rows - Planted, Planted), members);
    }

    [Fact]
    public void PlantedClusterBelowThreshold()
    {
        float[] features = SyntheticFeatures.WithPlantedShift(Rows, Dimension, Planted, shift: 8, seed: 9);

        var clusters = ActivationClusterer.Cluster(features, Rows, Dimension, components: 10, seed: 1);

        Assert.Equal(0.1, clusters.RelativeSize(clusters.SmallerCluster), precision: 12);
    }

    [Fact]
    public void SingleBlobSplitsNearHalf()
    {
        // One Gaussian blob has no small cluster: 2-means cuts it roughly in half, above the 0.35 threshold.
        float[] features = SyntheticFeatures.WithPlantedShift(Rows, Dimension, planted: 0, shift: 0, seed: 4);

        var clusters = ActivationClusterer.Cluster(features, Rows, Dimension, components: 10, seed: 1);

        Assert.InRange(clusters.RelativeSize(clusters.SmallerCluster), 0.35, 0.5);
    }

    [Fact]
    public void TinyClassReducedToFewerComponents()
    {
        float[] features = SyntheticFeatures.WithPlantedShift(rows: 4, Dimension, planted: 1, shift: 8, seed: 2);

        var clusters = ActivationClusterer.Cluster(features, rows: 4, Dimension, components: 10, seed: 1);

        Assert.Equal(3, clusters.Components);
    }

    [Fact]
    public void TwoMeansSplitsSeparatedGroups()
    {
        double[] points = [0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10];

        int[] assignment = TwoMeans.Fit(points, count: 5, dimension: 2, seed: 3);

        Assert.Equal(assignment[0], assignment[1]);
        Assert.Equal(assignment[0], assignment[2]);
        Assert.Equal(assignment[3], assignment[4]);
        Assert.NotEqual(assignment[0], assignment[3]);
    }
}
