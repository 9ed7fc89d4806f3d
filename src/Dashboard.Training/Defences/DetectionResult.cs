namespace Dashboard.Training.Defences;

/// <summary>
/// A defence's verdict on every training row: a score (higher means more suspicious) and whether the row was
/// removed, or for Anti-Backdoor Learning isolated for unlearning.
/// </summary>
/// <param name="ScoreName">Name of the score for charts and artifacts, for example "BaDLoss rank score".</param>
/// <param name="RemovedName">"Removed" or "Isolated", for labels.</param>
public sealed record DetectionResult(string ScoreName, double[] Scores, bool[] Removed, string RemovedName = "Removed")
{
    public int RemovedCount => Removed.Count(removed => removed);

    /// <summary>Returns the rows that were not removed, ascending.</summary>
    public long[] KeptRows()
    {
        var kept = new List<long>(Removed.Length);
        for (int row = 0; row < Removed.Length; row++)
        {
            if (!Removed[row])
            {
                kept.Add(row);
            }
        }

        return [.. kept];
    }
}
