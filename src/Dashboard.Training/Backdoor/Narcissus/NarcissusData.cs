namespace Dashboard.Training.Backdoor.Narcissus;

/// <summary>
/// The images a narcissus attacker uses, as indices into the full training split, each split into a part
/// the synthesis trains on and a held-out part it only measures the trigger on.
/// </summary>
/// <remarks>
/// NOTE: the attacker of arXiv 2204.05255 knows only target-class images and a public out-of-distribution
/// (POOD) dataset (Tiny-ImageNet for CIFAR-10). No second 28×28 grey dataset is available for Fashion-MNIST, so
/// the POOD stand-in is training-split images of the other classes, preferring images outside the training
/// subset. When the subset is the whole split, the victim trains on these images too (unmodified). Being
/// from the same distribution, they give the surrogate more knowledge than the paper's POOD data.
/// </remarks>
public sealed record NarcissusData(
    IReadOnlyList<int> TargetTraining,
    IReadOnlyList<int> TargetHeldOut,
    IReadOnlyList<int> PoodTraining,
    IReadOnlyList<int> PoodHeldOut)
{
    /// <summary>Share of the target-class and POOD images kept out of the synthesis to measure the trigger on.</summary>
    public const double HeldOutShare = 0.1;

    /// <summary>
    /// Chooses the attacker's images: all target-class images of <paramref name="subset"/> and up to
    /// <paramref name="poodImages"/> images of other classes, shuffled with <see cref="Random"/> seeded by
    /// <paramref name="seed"/>. POOD images come from outside the subset first.
    /// </summary>
    /// <param name="labels">True class of every image of the full training split.</param>
    public static NarcissusData Choose(IReadOnlyList<int> labels, IReadOnlyList<int> subset, int targetClass, int poodImages, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poodImages);

        var random = new Random(seed);
        var inSubset = new bool[labels.Count];
        foreach (int index in subset)
        {
            inSubset[index] = true;
        }

        int[] target = [.. subset.Where(i => labels[i] == targetClass)];
        int[] outside = [.. Enumerable.Range(0, labels.Count).Where(i => !inSubset[i] && labels[i] != targetClass)];
        int[] inside = [.. subset.Where(i => labels[i] != targetClass)];
        random.Shuffle(target);
        random.Shuffle(outside);
        random.Shuffle(inside);
        int[] pood = [.. outside.Concat(inside).Take(poodImages)];

        var (targetTraining, targetHeldOut) = Split(target);
        var (poodTraining, poodHeldOut) = Split(pood);
        return new NarcissusData(targetTraining, targetHeldOut, poodTraining, poodHeldOut);
    }

    // Holds out about HeldOutShare of the images, at least one when there are two or more.
    private static (int[] Training, int[] HeldOut) Split(int[] images)
    {
        int heldOut = images.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(images.Length * HeldOutShare));
        return (images[heldOut..], images[..heldOut]);
    }
}
