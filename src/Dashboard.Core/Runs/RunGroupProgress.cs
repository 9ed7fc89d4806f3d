namespace Dashboard.Core.Runs;

/// <summary>Counts of a group's runs in each state. Members whose runs were deleted count in <see cref="Total"/> only.</summary>
public sealed record RunGroupProgress(int Total, int Completed, int Running, int Queued, int Failed, int Cancelled, int Interrupted)
{
    /// <summary>Runs that have reached a final state.</summary>
    public int Ended => Completed + Failed + Cancelled + Interrupted;

    /// <summary>True while some run is queued or running.</summary>
    public bool IsActive => Running + Queued > 0;

    public static RunGroupProgress From(int total, IEnumerable<RunStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);

        var counts = statuses.GroupBy(status => status).ToDictionary(g => g.Key, g => g.Count());
        return new RunGroupProgress(
            total,
            counts.GetValueOrDefault(RunStatus.Completed),
            counts.GetValueOrDefault(RunStatus.Running),
            counts.GetValueOrDefault(RunStatus.Queued),
            counts.GetValueOrDefault(RunStatus.Failed),
            counts.GetValueOrDefault(RunStatus.Cancelled),
            counts.GetValueOrDefault(RunStatus.Interrupted));
    }
}
