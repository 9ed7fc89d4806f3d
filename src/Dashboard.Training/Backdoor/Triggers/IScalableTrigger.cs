namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// A trigger with a strength that can be multiplied: the blend weight of a blend trigger or the amplitude
/// of an additive one. Test-time variants use it, such as the boosted ASR at twice the blend weight
/// (arXiv 2408.13221) and the narcissus trigger magnified 3× on test images (arXiv 2204.05255).
/// </summary>
public interface IScalableTrigger : ITrigger
{
    /// <summary>Returns a new trigger with the strength multiplied by <paramref name="factor"/>; this one is unchanged.</summary>
    ITrigger Scale(double factor);
}
