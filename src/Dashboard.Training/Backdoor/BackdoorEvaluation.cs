namespace Dashboard.Training.Backdoor;

/// <summary>Test measures after one epoch: clean accuracy and each attack's outcome, in plan order.</summary>
public sealed record BackdoorEvaluation(double CleanAccuracy, IReadOnlyList<AttackOutcome> Attacks)
{
    public double AverageAsr => Attacks.Count == 0 ? 0 : Attacks.Average(a => a.AttackSuccessRate);
}
