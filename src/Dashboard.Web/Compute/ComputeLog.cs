namespace Dashboard.Web.Compute;

/// <summary>Log messages of the compute service.</summary>
internal static partial class ComputeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} queued ({Kind})")]
    public static partial void RunQueued(ILogger logger, string runId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started in worker process {ProcessId}")]
    public static partial void RunStarted(ILogger logger, string runId, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ended as {Status} (worker exit code {ExitCode})")]
    public static partial void RunEnded(ILogger logger, string runId, Core.Runs.RunStatus status, int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start a worker for run {RunId}")]
    public static partial void WorkerStartFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: no heartbeat for {Seconds:F0} s; stopping its worker")]
    public static partial void HeartbeatLost(ILogger logger, string runId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} was running when the server stopped; marked Interrupted")]
    public static partial void RunInterrupted(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} queued to resume from the checkpoint at step {Step}; removed {Removed} later metric points")]
    public static partial void RunResumed(ILogger logger, string runId, long step, long removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} has no checkpoint; queued to restart after removing its {Removed} metric points")]
    public static partial void RunRestarted(ILogger logger, string runId, long removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped orphaned worker process {ProcessId} of run {RunId}")]
    public static partial void OrphanStopped(ILogger logger, int processId, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancellation of run {RunId} requested")]
    public static partial void CancelRequested(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: worker did not stop within {Seconds:F0} s; killing it")]
    public static partial void WorkerKilledAfterCancel(ILogger logger, string runId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The compute loop failed; continuing")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a worker report for run {RunId}: {Reason}")]
    public static partial void ReportRejected(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {RunId}: {Line}")]
    public static partial void WorkerOutput(ILogger logger, string runId, string line);
}
