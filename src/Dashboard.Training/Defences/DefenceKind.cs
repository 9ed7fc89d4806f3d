using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Defences;

/// <summary>Training-set defence a backdoor run applies before its final model is trained.</summary>
public enum DefenceKind
{
    [Display(Name = "None", Description = "Train on the poisoned training set as it is.")]
    None,

    [Display(
        Name = "BaDLoss",
        Description = "Records every example's loss after each epoch of a separate training run with 250 known-clean probe copies, "
            + "scores each example by how far its loss trajectory lies from the probes' trajectories, removes the "
            + "highest-scored share and retrains from scratch (\"Protecting against simultaneous data poisoning attacks\", arXiv 2408.13221).")]
    BadLoss,

    [Display(
        Name = "Spectral Signatures",
        Description = "Trains on the poisoned set, then in each class removes the examples whose penultimate representation projects "
            + "most strongly on the top singular vector, and retrains from scratch (\"Spectral Signatures in Backdoor Attacks\", arXiv 1811.00636).")]
    SpectralSignatures,

    [Display(
        Name = "Activation Clustering",
        Description = "Trains on the poisoned set, splits each class's last-hidden-layer activations into 2 clusters, removes a cluster "
            + "that holds less than the threshold share of its class, and retrains from scratch (\"Detecting Backdoor Attacks on "
            + "Deep Neural Networks by Activation Clustering\", arXiv 1811.03728).")]
    ActivationClustering,

    [Display(
        Name = "Anti-Backdoor Learning",
        Description = "Trains with local gradient ascent to isolate the lowest-loss examples, trains on the rest, then unlearns the "
            + "isolated examples by gradient ascent (\"Anti-Backdoor Learning: Training Clean Models on Poisoned Data\", arXiv 2110.11571).")]
    AntiBackdoorLearning,
}
