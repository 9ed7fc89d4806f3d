namespace Dashboard.Core.Runs;

/// <summary>Lifecycle state of a run.</summary>
public enum RunStatus
{
    /// <summary>Accepted and waiting for a free worker slot.</summary>
    Queued,

    /// <summary>A worker process is training it.</summary>
    Running,

    /// <summary>Finished and reported its summary.</summary>
    Completed,

    /// <summary>Ended by an error; <see cref="RunRecord.Error"/> says why.</summary>
    Failed,

    /// <summary>Stopped at a user's request.</summary>
    Cancelled,

    /// <summary>Was running when the server stopped; its worker was stopped too. Resuming queues it again.</summary>
    Interrupted,
}

/// <summary>Helpers over <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>Returns true for states a run leaves only when an Interrupted run is resumed.</summary>
    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted;
}
