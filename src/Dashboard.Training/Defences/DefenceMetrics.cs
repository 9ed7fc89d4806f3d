namespace Dashboard.Training.Defences;

/// <summary>
/// Metric names a defended backdoor run reports besides the usual <c>train/*</c> and <c>test/*</c> ones, which
/// stay those of the final model.
/// </summary>
public static class DefenceMetrics
{
    /// <summary>Mean cross-entropy of each batch of the defence's own training (BaDLoss trajectories, the model
    /// Spectral Signatures and Activation Clustering read, ABL's isolation epochs), every step of that phase.</summary>
    public const string TrainLoss = "defence/train/loss";

    /// <summary>Mean cross-entropy of each ABL unlearning batch (the value gradient ascent increases).</summary>
    public const string UnlearningLoss = "defence/unlearning/loss";

    public const string BadLossMeanPrefix = "badloss/loss/";

    public const string BadLossStdPrefix = "badloss/loss_std/";

    /// <summary>Group name of the clean probe copies in the BaDLoss loss metrics.</summary>
    public const string CleanProbesGroup = "clean_probes";

    /// <summary>Group name of the unpoisoned training examples in the BaDLoss loss metrics.</summary>
    public const string CleanGroup = "clean";

    /// <summary>Group name of the defender's backdoor probes (older BaDLoss variant).</summary>
    public const string BackdoorProbesGroup = "backdoor_probes";

    /// <summary>
    /// Patterns of every metric the defence phase reports, whose steps count that phase's own training. A run
    /// resumed in its final phase keeps their points whole.
    /// </summary>
    public static IReadOnlyList<string> DefencePhasePatterns { get; } = ["defence/*", "badloss/*"];

    /// <summary>Mean recorded loss of a group after a trajectory epoch; the group is an attack label or one of the group names above.</summary>
    public static string BadLossMean(string group) => BadLossMeanPrefix + group;

    /// <summary>Standard deviation of the recorded loss of a group after a trajectory epoch.</summary>
    public static string BadLossStd(string group) => BadLossStdPrefix + group;
}
