using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>Builds the poisoned training set and the triggered test sets of a run from clean data.</summary>
public static class Poisoning
{
    /// <summary>
    /// Copies the <paramref name="subset"/> of <paramref name="training"/>, then stamps each attack's trigger on
    /// its planned images and relabels them to the attack's target class (dirty-label poisoning).
    /// </summary>
    /// <param name="triggers">One trigger per entry of <paramref name="plan"/>, in the same order.</param>
    public static ImageSet PoisonTrainingSubset(
        ImageSet training,
        IReadOnlyList<int> subset,
        IReadOnlyList<AttackPoisons> plan,
        IReadOnlyList<ITrigger> triggers)
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

        for (int a = 0; a < plan.Count; a++)
        {
            foreach (int index in plan[a].Indices)
            {
                int position = positionInSubset[index];
                if (position < 0)
                {
                    throw new ArgumentException($"Attack {plan[a].Label} poisons training image {index}, which is not in the subset.", nameof(plan));
                }

                triggers[a].Apply(poisoned.Image(position));
                poisoned.Labels[position] = plan[a].TargetClass;
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
}
