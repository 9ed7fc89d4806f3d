using Dashboard.Core.Experiments;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Chooses the training images each attack poisons. An attack poisons round(ratio × subset size) images
/// of the training subset whose true class is not its target (dirty-label: they are relabelled to the
/// target). No image is poisoned by two attacks. The choice depends only on the labels, the subset, the
/// attacks and the seed.
/// </summary>
public static class PoisonPlanner
{
    /// <summary>Returns round(<paramref name="ratio"/> × <paramref name="subsetSize"/>), halves rounded up.</summary>
    public static int PoisonCount(double ratio, int subsetSize) =>
        (int)Math.Round(ratio * subsetSize, MidpointRounding.AwayFromZero);

    /// <param name="labels">True class of every image of the full training split.</param>
    /// <param name="subset">Indices into the full training split of the images trained on.</param>
    /// <exception cref="RunFailedException">The subset has too few unpoisoned non-target images for an attack.</exception>
    public static IReadOnlyList<AttackPoisons> Plan(
        IReadOnlyList<int> labels,
        IReadOnlyList<int> subset,
        IReadOnlyList<AttackSettings> attacks,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(attacks);

        int[] candidates = [.. subset];
        new Random(seed).Shuffle(candidates);

        var poisoned = new bool[labels.Count];
        var attackLabels = AttackLabels.Assign([.. attacks.Select(a => a.Type)]);
        var plan = new List<AttackPoisons>(attacks.Count);
        for (int a = 0; a < attacks.Count; a++)
        {
            var attack = attacks[a];
            int needed = PoisonCount(attack.PoisonRatio, subset.Count);
            var chosen = new List<int>(needed);
            foreach (int index in candidates)
            {
                if (chosen.Count == needed)
                {
                    break;
                }

                if (!poisoned[index] && labels[index] != attack.TargetClass)
                {
                    poisoned[index] = true;
                    chosen.Add(index);
                }
            }

            if (chosen.Count < needed)
            {
                throw new RunFailedException(
                    $"Attack {attackLabels[a]} (attacks[{a}]) needs {needed} training images whose class is not {attack.TargetClass}, "
                    + $"but only {chosen.Count} of the {subset.Count}-image subset are left unpoisoned; lower attacks[{a}].poisonRatio.");
            }

            chosen.Sort();
            plan.Add(new AttackPoisons(a, attackLabels[a], attack, chosen));
        }

        return plan;
    }
}
