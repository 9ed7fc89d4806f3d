using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>Builds the poisoned training set and the triggered test sets of a run from clean data.</summary>
public static class Poisoning
{
    /// <summary>
    /// Copies the <paramref name="subset"/> of <paramref name="training"/>, then stamps each attack's trigger on
    /// its planned images. Dirty-label attacks relabel them to the attack's target class; clean-label attacks
    /// keep the labels. WaNet attacks also warp their noise-mode images with a random perturbed grid and keep
    /// those labels.
    /// </summary>
    /// <remarks>
    /// WaNet (arXiv 2102.10369) draws new noise-mode images and grids for every batch. Here each noise-mode
    /// image gets one grid, drawn once per run like every other poison, so every epoch trains on the same
    /// warped images.
    /// </remarks>
    /// <param name="triggers">One training trigger per entry of <paramref name="plan"/>, in the same order.</param>
    /// <param name="noiseSeed">Seeds the random grids of noise-mode images.</param>
    public static ImageSet PoisonTrainingSubset(
        ImageSet training,
        IReadOnlyList<int> subset,
        IReadOnlyList<AttackPoisons> plan,
        IReadOnlyList<ITrigger> triggers,
        int noiseSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(triggers);
        if (plan.Count != triggers.Count)
        {
            throw new ArgumentException($"Got {triggers.Count} triggers for {plan.Count} attacks.", nameof(triggers));
        }

        var poisoned = training.Select(subset);
        var positionInSubset = new int[training.Count];
        Array.Fill(positionInSubset, -1);
        for (int i = 0; i < subset.Count; i++)
        {
            positionInSubset[subset[i]] = i;
        }

        var noiseRandom = new Random(noiseSeed);
        for (int a = 0; a < plan.Count; a++)
        {
            var attack = plan[a];
            foreach (int index in attack.Indices)
            {
                int position = PositionOf(positionInSubset, index, attack);
                if (attack.IsCleanLabel && poisoned.Labels[position] != attack.TargetClass)
                {
                    throw new ArgumentException(
                        $"Clean-label attack {attack.Label} poisons training image {index} of class {poisoned.Labels[position]}, not of its target class {attack.TargetClass}.",
                        nameof(plan));
                }

                triggers[a].Apply(poisoned.Image(position));
                poisoned.Labels[position] = attack.TargetClass;
            }

            if (attack.NoiseIndices.Count == 0)
            {
                continue;
            }

            if (triggers[a] is not INoiseModeTrigger noiseTrigger)
            {
                throw new ArgumentException($"Attack {attack.Label} has noise-mode images but its trigger has no noise mode.", nameof(triggers));
            }

            foreach (int index in attack.NoiseIndices)
            {
                noiseTrigger.ApplyNoiseMode(poisoned.Image(PositionOf(positionInSubset, index, attack)), noiseRandom);
            }
        }

        return poisoned;
    }

    /// <summary>
    /// Returns the test images whose true class is not <paramref name="targetClass"/>, with
    /// <paramref name="trigger"/> stamped on them and their true labels kept, for measuring attack success
    /// and robust accuracy.
    /// </summary>
    public static ImageSet TriggerTestSet(ImageSet test, int targetClass, ITrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trigger);

        var nonTarget = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] != targetClass).ToArray();
        var triggered = test.Select(nonTarget);
        trigger.ApplyToAll(triggered);
        return triggered;
    }

    private static int PositionOf(int[] positionInSubset, int index, AttackPoisons attack)
    {
        int position = positionInSubset[index];
        if (position < 0)
        {
            throw new ArgumentException($"Attack {attack.Label} uses training image {index}, which is not in the subset.", "plan");
        }

        return position;
    }
}
