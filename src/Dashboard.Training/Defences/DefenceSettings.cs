using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;

namespace Dashboard.Training.Defences;

/// <summary>
/// The defence of a backdoor run and the parameters of every defence; only those of <see cref="Kind"/> are used.
/// Defaults are the papers' values except where a field's description states otherwise: "Protecting against simultaneous
/// data poisoning attacks" (BaDLoss, arXiv 2408.13221), "Spectral Signatures in Backdoor Attacks" (arXiv
/// 1811.00636), "Detecting Backdoor Attacks on Deep Neural Networks by Activation Clustering" (arXiv 1811.03728)
/// and "Anti-Backdoor Learning: Training Clean Models on Poisoned Data" (ABL, arXiv 2110.11571).
/// </summary>
public sealed class DefenceSettings
{
    public const int DefaultProbeCount = 250;
    public const int DefaultTrajectoryEpochs = 30;
    public const int DefaultNearestProbes = 50;
    public const double DefaultRemovalFraction = 0.4;
    public const double DefaultSpikeFactor = 2.0;
    public const int DefaultSpikeWindow = 3;
    public const int DefaultTwoClassNearestProbes = 20;
    public const double DefaultSpectralRemovalFraction = 0.15;
    public const int DefaultClusteringComponents = 10;
    public const double DefaultClusterSizeThreshold = 0.35;
    public const int DefaultAblIsolationEpochs = 5;
    public const double DefaultAblGamma = 0.5;
    public const double DefaultAblIsolationFraction = 0.01;
    public const int DefaultAblUnlearningEpochs = 5;
    public const double DefaultAblUnlearningRate = 5e-4;

    /// <summary>Largest probe count the form accepts; the rules check it against the clean images available.</summary>
    public const int MaximumProbeCount = 100_000;

    /// <summary>Largest backdoor probe label the form accepts; the rules check it against the dataset's class count.</summary>
    public const int MaximumClassLabel = 999;

    [Display(
        Name = "Defence",
        Description = "Defence applied to the poisoned training set before the final model is trained. Every defence except none reports detection quality against the known poisons.",
        GroupName = "Defence",
        Order = 1)]
    public DefenceKind Kind { get; set; } = DefenceKind.None;

    [Display(
        Name = "Clean probes",
        Description = "BaDLoss: number of known-clean training images (drawn at random, seeded, from the unpoisoned ones) inserted as extra copies whose loss trajectories define clean behaviour. BaDLoss (arXiv 2408.13221) uses 250.",
        GroupName = "Defence",
        Order = 2)]
    [Range(1, MaximumProbeCount)]
    [DependentRange]
    [Unit("images")]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int ProbeCount { get; set; } = DefaultProbeCount;

    [Display(
        Name = "Trajectory epochs",
        Description = "BaDLoss: epochs of the separate training run whose per-epoch losses form the trajectories. BaDLoss (arXiv 2408.13221) uses 30.",
        GroupName = "Defence",
        Order = 3)]
    [Range(1, 1000)]
    [Unit("epochs")]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int TrajectoryEpochs { get; set; } = DefaultTrajectoryEpochs;

    [Display(
        Name = "Nearest probes (k)",
        Description = "BaDLoss: an example's score is its mean Euclidean distance to this many nearest clean-probe trajectories. At most the number of clean probes. BaDLoss (arXiv 2408.13221) uses k = 50.",
        GroupName = "Defence",
        Order = 4)]
    [Range(1, MaximumProbeCount)]
    [DependentRange]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int NearestProbes { get; set; } = DefaultNearestProbes;

    [Display(
        Name = "Removal fraction",
        Description = "BaDLoss: share of the training set, highest scores first, removed before retraining. BaDLoss (arXiv 2408.13221) removes 40% (0.4).",
        GroupName = "Defence",
        Order = 5)]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public double RemovalFraction { get; set; } = DefaultRemovalFraction;

    [Display(
        Name = "Loss spike factor",
        Description = "BaDLoss: an epoch whose mean loss exceeds this multiple of the mean of the previous kept epochs is left out of the trajectories. BaDLoss (arXiv 2408.13221) uses 2.",
        GroupName = "Defence",
        Order = 6)]
    [Range(1.0, 1000.0)]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public double SpikeFactor { get; set; } = DefaultSpikeFactor;

    [Display(
        Name = "Loss spike window",
        Description = "BaDLoss: number of previous kept epochs whose mean loss the spike factor compares against. BaDLoss (arXiv 2408.13221) uses 3.",
        GroupName = "Defence",
        Order = 7)]
    [Range(1, 1000)]
    [Unit("epochs")]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int SpikeWindow { get; set; } = DefaultSpikeWindow;

    [Display(
        Name = "Backdoor probes (older variant)",
        Description = "BaDLoss, older variant: also insert the defender's own backdoor probes (clean images with a 4-pixel patch mirrored into the top-left corner, relabelled to the backdoor probe label) and score each example by the share of backdoor probes among its nearest probe trajectories (a 2-class kNN) instead of the distance to clean probes.",
        GroupName = "Defence",
        Order = 8)]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public bool BackdoorProbes { get; set; }

    [Display(
        Name = "Backdoor probe count",
        Description = "BaDLoss, older variant: number of backdoor probes, drawn from unpoisoned training images outside the backdoor probe label and apart from the clean probes.",
        GroupName = "Defence",
        Order = 9)]
    [Range(1, MaximumProbeCount)]
    [DependentRange]
    [Unit("images")]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int BackdoorProbeCount { get; set; } = DefaultProbeCount;

    [Display(
        Name = "Backdoor probe label",
        Description = "BaDLoss, older variant: class the defender relabels its backdoor probes to. Must be below the dataset's class count.",
        GroupName = "Defence",
        Order = 10)]
    [Range(0, MaximumClassLabel)]
    [DependentRange]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int BackdoorProbeLabel { get; set; }

    [Display(
        Name = "2-class kNN neighbours",
        Description = "BaDLoss, older variant: number of nearest probe trajectories, clean and backdoor together, that vote. The older BaDLoss variant (arXiv 2408.13221) uses k = 20.",
        GroupName = "Defence",
        Order = 11)]
    [Range(1, 2 * MaximumProbeCount)]
    [DependentRange]
    [AppliesWhen(nameof(Kind), DefenceKind.BadLoss)]
    public int TwoClassNearestProbes { get; set; } = DefaultTwoClassNearestProbes;

    [Display(
        Name = "Spectral removal fraction",
        Description = "Spectral Signatures: share of each class, highest scores first, removed before retraining. Spectral Signatures (arXiv 1811.00636) removes 1.5 times an upper bound on the poisoned share, so 0.15 assumes at most 10% of a class is poisoned.",
        GroupName = "Defence",
        Order = 12)]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.SpectralSignatures)]
    public double SpectralRemovalFraction { get; set; } = DefaultSpectralRemovalFraction;

    [Display(
        Name = "Clustering dimensions",
        Description = "Activation Clustering: number of components each class's activations are reduced to before 2-means. Activation Clustering (arXiv 1811.03728) uses 10 independent components. Whitened principal components are used here because they give the same clusters.",
        GroupName = "Defence",
        Order = 13)]
    [Range(1, 1000)]
    [AppliesWhen(nameof(Kind), DefenceKind.ActivationClustering)]
    public int ClusteringComponents { get; set; } = DefaultClusteringComponents;

    [Display(
        Name = "Cluster size threshold",
        Description = "Activation Clustering: a class's smaller cluster is removed when it contains less than this share of the class. Activation Clustering (arXiv 1811.03728) uses 0.35.",
        GroupName = "Defence",
        Order = 14)]
    [Range(0.0, 0.5, MinimumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.ActivationClustering)]
    public double ClusterSizeThreshold { get; set; } = DefaultClusterSizeThreshold;

    [Display(
        Name = "ABL isolation epochs",
        Description = "Anti-Backdoor Learning: epochs of local gradient ascent before the lowest-loss examples are isolated. ABL (arXiv 2110.11571) isolates after 20 epochs. The default here is 5 because the small CNN learns the triggers within a few epochs.",
        GroupName = "Defence",
        Order = 15)]
    [Range(1, 1000)]
    [Unit("epochs")]
    [AppliesWhen(nameof(Kind), DefenceKind.AntiBackdoorLearning)]
    public int AblIsolationEpochs { get; set; } = DefaultAblIsolationEpochs;

    [Display(
        Name = "ABL loss threshold (γ)",
        Description = "Anti-Backdoor Learning: local gradient ascent minimises sign(loss − γ) · loss, holding the batch loss near γ. ABL (arXiv 2110.11571) uses γ = 0.5.",
        GroupName = "Defence",
        Order = 16)]
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.AntiBackdoorLearning)]
    public double AblGamma { get; set; } = DefaultAblGamma;

    [Display(
        Name = "ABL isolation fraction",
        Description = "Anti-Backdoor Learning: share of the training set, lowest loss first, isolated as backdoor examples. ABL (arXiv 2110.11571) isolates 1% (0.01).",
        GroupName = "Defence",
        Order = 17)]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.AntiBackdoorLearning)]
    public double AblIsolationFraction { get; set; } = DefaultAblIsolationFraction;

    [Display(
        Name = "ABL unlearning epochs",
        Description = "Anti-Backdoor Learning: epochs of gradient ascent on the isolated examples after training on the rest. ABL (arXiv 2110.11571) uses 5.",
        GroupName = "Defence",
        Order = 18)]
    [Range(1, 1000)]
    [Unit("epochs")]
    [AppliesWhen(nameof(Kind), DefenceKind.AntiBackdoorLearning)]
    public int AblUnlearningEpochs { get; set; } = DefaultAblUnlearningEpochs;

    [Display(
        Name = "ABL unlearning rate",
        Description = "Anti-Backdoor Learning: learning rate of the unlearning steps (SGD with the run's momentum and weight decay, constant rate). ABL (arXiv 2110.11571) uses 5e-4.",
        GroupName = "Defence",
        Order = 19)]
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    [AppliesWhen(nameof(Kind), DefenceKind.AntiBackdoorLearning)]
    public double AblUnlearningRate { get; set; } = DefaultAblUnlearningRate;
}
