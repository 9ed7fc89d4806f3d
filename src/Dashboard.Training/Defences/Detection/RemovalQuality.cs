namespace Dashboard.Training.Defences.Detection;

/// <summary>
/// How well a removed (or isolated) set matches the poisoned examples.
/// </summary>
/// <param name="Removed">Number of examples removed.</param>
/// <param name="Precision">Share of removed examples that are poisoned by any attack; NaN when nothing was removed.</param>
/// <param name="Recall">Share of poisoned examples that were removed; NaN when nothing is poisoned.</param>
/// <param name="Attacks">Per attack, in plan order.</param>
public sealed record RemovalQuality(int Removed, double Precision, double Recall, IReadOnlyList<AttackRemovalQuality> Attacks)
{
    /// <param name="attackOfRow">Plan index of the attack that poisoned each row, or -1 for unpoisoned rows.</param>
    /// <param name="removed">Whether each row was removed.</param>
    public static RemovalQuality Measure(IReadOnlyList<int> attackOfRow, IReadOnlyList<bool> removed, int attackCount)
    {
        ArgumentNullException.ThrowIfNull(attackOfRow);
        ArgumentNullException.ThrowIfNull(removed);
        if (attackOfRow.Count != removed.Count)
        {
            throw new ArgumentException($"Got {removed.Count} removal flags for {attackOfRow.Count} rows.", nameof(removed));
        }

        var poisoned = new int[attackCount];
        var removedPoisons = new int[attackCount];
        int removedClean = 0;
        int removedTotal = 0;
        for (int i = 0; i < attackOfRow.Count; i++)
        {
            int attack = attackOfRow[i];
            if (attack >= 0)
            {
                poisoned[attack]++;
            }

            if (!removed[i])
            {
                continue;
            }

            removedTotal++;
            if (attack >= 0)
            {
                removedPoisons[attack]++;
            }
            else
            {
                removedClean++;
            }
        }

        var attacks = new AttackRemovalQuality[attackCount];
        for (int a = 0; a < attackCount; a++)
        {
            attacks[a] = new AttackRemovalQuality(
                Share(removedPoisons[a], removedPoisons[a] + removedClean),
                Share(removedPoisons[a], poisoned[a]));
        }

        int removedPoisonTotal = removedPoisons.Sum();
        return new RemovalQuality(
            removedTotal,
            Share(removedPoisonTotal, removedTotal),
            Share(removedPoisonTotal, poisoned.Sum()),
            attacks);
    }

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}

/// <summary>
/// Removal quality for one attack, judged as if it were the only attack: other attacks' poisons count
/// neither for nor against it.
/// </summary>
/// <param name="Precision">Removed poisons of this attack over removed poisons of this attack plus removed unpoisoned examples.</param>
/// <param name="Recall">Share of this attack's poisons that were removed.</param>
public sealed record AttackRemovalQuality(double Precision, double Recall);
