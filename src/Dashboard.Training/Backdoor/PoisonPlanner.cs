using Dashboard.Core.Experiments;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Chooses each attack's target class and the training images each attack poisons. A dirty-label attack
/// poisons round(ratio × subset size) images of the training subset whose true class is not its target. A
/// clean-label attack (sinusoid, narcissus) poisons round(ratio × target-class images in the subset)
/// images of its target class. A WaNet attack also gets round(cross ratio × poisons) noise-mode images of any
/// class. No image is used by two attacks or twice by one. The choice depends only on the labels, the
/// subset, the attacks and the seed.
/// </summary>
public static class PoisonPlanner
{
    // Separates the target draw from other uses of the run seed; any fixed odd constant works.
    private const ulong TargetStream = 0xD1B54A32D192ED03UL;

    /// <summary>Returns round(<paramref name="ratio"/> × <paramref name="imageCount"/>), halves rounded up.</summary>
    public static int PoisonCount(double ratio, int imageCount) =>
        (int)Math.Round(ratio * imageCount, MidpointRounding.AwayFromZero);

    /// <summary>Returns the number of WaNet noise-mode images for <paramref name="poisonCount"/> poisoned ones.</summary>
    public static int NoiseCount(AttackSettings attack, int poisonCount)
    {
        ArgumentNullException.ThrowIfNull(attack);
        return attack.Type == AttackType.WaNet ? PoisonCount(attack.CrossRatio, poisonCount) : 0;
    }

    /// <summary>
    /// Returns the target class of each attack: its <see cref="AttackSettings.TargetClass"/>, or for attacks
    /// with <see cref="AttackSettings.DrawTargetClass"/> a class drawn from <paramref name="runSeed"/>. Drawn
    /// classes follow one seeded permutation of the classes and skip the fixed targets. So drawn targets differ
    /// from each other and from the fixed ones until the classes run out, and then the permutation repeats.
    /// </summary>
    public static IReadOnlyList<int> ResolveTargets(IReadOnlyList<AttackSettings> attacks, int classCount, int runSeed)
    {
        ArgumentNullException.ThrowIfNull(attacks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);

        int[] permutation = [.. Enumerable.Range(0, classCount)];
        new Random(DeriveSeed(runSeed)).Shuffle(permutation);
        var fixedTargets = attacks.Where(a => !a.DrawTargetClass).Select(a => a.TargetClass).ToHashSet();
        int[] free = [.. permutation.Where(c => !fixedTargets.Contains(c))];
        if (free.Length == 0)
        {
            free = permutation;
        }

        var targets = new int[attacks.Count];
        int drawn = 0;
        for (int a = 0; a < attacks.Count; a++)
        {
            targets[a] = attacks[a].DrawTargetClass ? free[drawn++ % free.Length] : attacks[a].TargetClass;
        }

        return targets;
    }

    /// <param name="labels">True class of every image of the full training split.</param>
    /// <param name="subset">Indices into the full training split of the images trained on.</param>
    /// <param name="targetClasses">
    /// Target class of each attack, from <see cref="ResolveTargets"/>; null uses each attack's
    /// <see cref="AttackSettings.TargetClass"/>, which requires that no attack draws its target.
    /// </param>
    /// <exception cref="RunFailedException">The subset has too few unused images of the classes an attack needs.</exception>
    public static IReadOnlyList<AttackPoisons> Plan(
        IReadOnlyList<int> labels,
        IReadOnlyList<int> subset,
        IReadOnlyList<AttackSettings> attacks,
        int seed,
        IReadOnlyList<int>? targetClasses = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(attacks);
        var targets = targetClasses ?? TargetsWithoutDraws(attacks);
        if (targets.Count != attacks.Count)
        {
            throw new ArgumentException($"Got {targets.Count} target classes for {attacks.Count} attacks.", nameof(targetClasses));
        }

        int[] candidates = [.. subset];
        new Random(seed).Shuffle(candidates);

        var used = new bool[labels.Count];
        var attackLabels = AttackLabels.Assign([.. attacks.Select(a => a.Type)]);
        var poisons = new List<int>[attacks.Count];

        // Clean-label attacks go first because only their target class can serve them.
        var order = Enumerable.Range(0, attacks.Count).OrderBy(a => attacks[a].Type.IsCleanLabel() ? 0 : 1);
        foreach (int a in order)
        {
            poisons[a] = ChoosePoisons(labels, subset, candidates, used, attacks[a], targets[a], attackLabels[a], a);
        }

        var plan = new List<AttackPoisons>(attacks.Count);
        for (int a = 0; a < attacks.Count; a++)
        {
            var noise = ChooseNoise(candidates, used, attacks[a], poisons[a].Count, subset.Count, attackLabels[a], a);
            poisons[a].Sort();
            plan.Add(new AttackPoisons(a, attackLabels[a], attacks[a], poisons[a]) { TargetClass = targets[a], NoiseIndices = noise });
        }

        return plan;
    }

    private static List<int> ChoosePoisons(
        IReadOnlyList<int> labels,
        IReadOnlyList<int> subset,
        int[] candidates,
        bool[] used,
        AttackSettings attack,
        int target,
        string label,
        int a)
    {
        bool cleanLabel = attack.Type.IsCleanLabel();
        int pool = cleanLabel ? subset.Count(i => labels[i] == target) : subset.Count;
        int needed = PoisonCount(attack.PoisonRatio, pool);
        var chosen = new List<int>(needed);
        foreach (int index in candidates)
        {
            if (chosen.Count == needed)
            {
                break;
            }

            if (!used[index] && (labels[index] == target) == cleanLabel)
            {
                used[index] = true;
                chosen.Add(index);
            }
        }

        if (chosen.Count < needed)
        {
            string kind = cleanLabel ? $"of class {target}" : $"whose class is not {target}";
            string pools = cleanLabel ? $"{pool} class-{target} images of the {subset.Count}-image subset" : $"the {subset.Count}-image subset";
            throw new RunFailedException(
                $"Attack {label} (attacks[{a}]) needs {needed} training images {kind} (ratio {attack.PoisonRatio} of {pools}), "
                + $"but only {chosen.Count} are left after the other attacks; lower attacks[{a}].poisonRatio.");
        }

        return chosen;
    }

    private static List<int> ChooseNoise(int[] candidates, bool[] used, AttackSettings attack, int poisonCount, int subsetSize, string label, int a)
    {
        int needed = NoiseCount(attack, poisonCount);
        var chosen = new List<int>(needed);
        foreach (int index in candidates)
        {
            if (chosen.Count == needed)
            {
                break;
            }

            if (!used[index])
            {
                used[index] = true;
                chosen.Add(index);
            }
        }

        if (chosen.Count < needed)
        {
            throw new RunFailedException(
                $"Attack {label} (attacks[{a}]) needs {needed} noise-mode images ({attack.CrossRatio} × {poisonCount} poisoned), "
                + $"but only {chosen.Count} of the {subsetSize}-image subset are left unused; lower attacks[{a}].crossRatio.");
        }

        chosen.Sort();
        return chosen;
    }

    private static int[] TargetsWithoutDraws(IReadOnlyList<AttackSettings> attacks)
    {
        if (attacks.Any(a => a.DrawTargetClass))
        {
            throw new ArgumentException("Some attacks draw their target class; pass the classes from ResolveTargets.", nameof(attacks));
        }

        return [.. attacks.Select(a => a.TargetClass)];
    }

    // SplitMix64 finaliser of the seed and a fixed stream constant: a platform-independent mix.
    private static int DeriveSeed(int seed)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + TargetStream);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
