using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Defences.AntiBackdoorLearning;

/// <summary>
/// The isolation stage of "Anti-Backdoor Learning: Training Clean Models on Poisoned Data" (Li et al.,
/// arXiv 2110.11571). Backdoor examples are learned much faster than clean ones. Local gradient ascent
/// (LGA) minimises sign(ℓ − γ)·ℓ, which pushes the loss up whenever it falls below γ, so clean examples
/// hover around γ while backdoor examples, learned too strongly to be held there, keep falling. After
/// the isolation epochs, the examples with the lowest loss are taken as the backdoor set.
/// </summary>
public static class LocalGradientAscent
{
    /// <summary>
    /// Returns sign(<paramref name="loss"/> − <paramref name="gamma"/>) · loss for a scalar loss tensor, applied
    /// here to each batch's mean cross-entropy. Below γ its gradient is the negated gradient of the loss.
    /// </summary>
    public static Tensor Objective(Tensor loss, double gamma)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return torch.sign(loss.detach() - gamma) * loss;
    }

    /// <summary>
    /// Returns the positions of the round(<paramref name="fraction"/> × N) examples with the lowest
    /// <paramref name="losses"/>, lowest first, at least 1; equal losses are taken in ascending position
    /// order.
    /// </summary>
    public static int[] Isolate(IReadOnlyList<float> losses, double fraction)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The isolation fraction must be between 0 and 1, both exclusive.");
        }

        int count = Math.Clamp((int)Math.Round(fraction * losses.Count, MidpointRounding.AwayFromZero), 1, losses.Count);
        var order = Enumerable.Range(0, losses.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byLoss = losses[a].CompareTo(losses[b]);
            return byLoss != 0 ? byLoss : a.CompareTo(b);
        });
        return order[..count];
    }
}
