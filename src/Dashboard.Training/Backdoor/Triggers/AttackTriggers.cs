namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// The triggers of one attack: the one stamped on training images, the one stamped on test images to
/// measure the ASR, and for blend attacks the boosted one at twice the blend weight. The test trigger is the
/// training trigger except for narcissus, which is magnified on test images.
/// </summary>
public sealed record AttackTriggers(ITrigger Training, ITrigger Test, ITrigger? Boosted)
{
    /// <summary>Blend weight factor of the boosted ASR in arXiv 2408.13221.</summary>
    public const double BoostFactor = 2;

    /// <summary>Returns the triggers of an attack of <paramref name="type"/> whose training trigger is <paramref name="training"/>.</summary>
    /// <param name="testMultiplier">Factor of the test trigger for narcissus; other types use the training trigger.</param>
    public static AttackTriggers For(AttackType type, ITrigger training, double testMultiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(training);

        var test = type == AttackType.Narcissus ? Scalable(training, type).Scale(testMultiplier) : training;
        var boosted = type.HasBoostedAsr() ? Scalable(training, type).Scale(BoostFactor) : null;
        return new AttackTriggers(training, test, boosted);
    }

    private static IScalableTrigger Scalable(ITrigger trigger, AttackType type) =>
        trigger as IScalableTrigger
        ?? throw new ArgumentException($"The {type} trigger {trigger.GetType().Name} cannot be scaled.", nameof(trigger));
}
