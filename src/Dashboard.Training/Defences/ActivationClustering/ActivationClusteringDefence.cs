using System.Globalization;
using Dashboard.Training.Defences.Features;

namespace Dashboard.Training.Defences.ActivationClustering;

/// <summary>
/// Activation Clustering ("Detecting Backdoor Attacks on Deep Neural Networks by Activation Clustering",
/// Chen et al., arXiv 1811.03728): train on the poisoned set, split each class's last-hidden-layer
/// activations into 2 clusters (<see cref="ActivationClusterer"/>), and remove the smaller cluster of every
/// class where it contains less than the threshold share (the paper's relative-size criterion). The caller
/// retrains on the rest.
/// </summary>
public static class ActivationClusteringDefence
{
    /// <summary>
    /// The score is 1 minus the relative size of the example's cluster within its class, so members of small
    /// clusters score high and the removal rule is "score above 1 − threshold, in the smaller cluster".
    /// </summary>
    public const string ScoreName = "1 − relative size of the example's cluster";

    public static DefenceOutcome Run(DefenceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var settings = environment.Settings;
        int seed = new DefenceSeeds(environment.Configuration.Seed).Analysis;
        var scores = new double[environment.Rows.Count];
        var removed = new bool[environment.Rows.Count];

        var (model, before) = UndefendedModel.Train(environment);
        using (model)
        {
            environment.Progress.Report(environment.Configuration.Epochs, "clustering");
            ClassFeatures.ForEachClass(environment, model, (label, classRows, features, dimension) =>
            {
                var clusters = ActivationClusterer.Cluster(features, classRows.Length, dimension, settings.ClusteringComponents, seed + label);
                int smaller = clusters.SmallerCluster;
                double smallerShare = clusters.RelativeSize(smaller);
                bool poisoned = smallerShare < settings.ClusterSizeThreshold;
                for (int i = 0; i < classRows.Length; i++)
                {
                    int cluster = clusters.Assignment[i];
                    scores[classRows[i]] = 1 - clusters.RelativeSize(cluster);
                    removed[classRows[i]] = poisoned && cluster == smaller;
                }

                environment.Context.Log(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Activation Clustering: class {label}, {classRows.Length} examples reduced to {clusters.Components} components; smaller cluster {smallerShare:P1} of the class, ")
                    + (poisoned ? "removed." : "kept."));
            });
        }

        return new DefenceOutcome(new DetectionResult(ScoreName, scores, removed), before, UndefendedModel.Description);
    }
}
