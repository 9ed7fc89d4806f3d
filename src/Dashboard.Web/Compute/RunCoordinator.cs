using System.Collections.Concurrent;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>
/// Owns the state transitions of runs that have a worker: start, worker reports, cancellation and the end.
/// The compute service calls <see cref="Start"/> and <see cref="FinishAsync"/>; the runs hub forwards
/// worker reports; pages and the API call <see cref="CancelAsync"/>.
/// </summary>
public sealed class RunCoordinator(
    IRunStore runs,
    IRunGroupStore groups,
    IRunLogStore logs,
    IMetricStore metrics,
    IArtifactStore artifacts,
    LiteDbStorage storage,
    LiveRunFeed feed,
    WorkerEnvironmentFactory environment,
    IHubContext<RunsHub> hub,
    ComputeSignal signal,
    IOptionsMonitor<ComputeOptions> options,
    TimeProvider time,
    ILogger<RunCoordinator> logger)
{
    private const int MaxBatchesPerMessage = 200;
    private const string CheckpointsFolderName = "checkpoints";
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private readonly Lock _queueGate = new();

    public IReadOnlyCollection<ActiveRun> Active => [.. _active.Values];

    public ActiveRun? FindActive(string runId) => _active.GetValueOrDefault(runId);

    /// <summary>
    /// Takes the oldest queued run that may start and marks it Running. A run whose group already has
    /// <see cref="RunGroup.MaxConcurrentRuns"/> members running waits, so a younger run may start first.
    /// Returns null when no queued run may start.
    /// </summary>
    public ActiveRun? StartNext(string token)
    {
        lock (_queueGate)
        {
            var run = FirstStartable(runs.FindByStatus(RunStatus.Queued));
            if (run is null)
            {
                return null;
            }

            run.Status = RunStatus.Running;
            run.StartedAt = time.GetUtcNow();
            run.Phase = "starting worker";
            runs.Update(run);

            var active = new ActiveRun(run, token);
            _active[run.Id] = active;
            return active;
        }
    }

    private RunRecord? FirstStartable(IReadOnlyList<RunRecord> queued)
    {
        var limits = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var run in queued)
        {
            if (run.GroupId is not { } groupId)
            {
                return run;
            }

            if (!limits.TryGetValue(groupId, out int? limit))
            {
                limit = groups.Find(groupId)?.MaxConcurrentRuns;
                limits[groupId] = limit;
            }

            if (limit is null || _active.Values.Count(active => active.Run.GroupId == groupId) < limit)
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>Records the worker process of a started run and publishes its Running status.</summary>
    public async Task AttachProcessAsync(ActiveRun active, int processId)
    {
        lock (active)
        {
            active.Run.WorkerProcessId = processId;
            runs.Update(active.Run);
        }

        ComputeLog.RunStarted(logger, active.RunId, processId);
        await feed.PublishStatusAsync(active.Run);
    }

    public async Task<WorkerAssignment?> AttachWorkerAsync(string runId, string token, string connectionId)
    {
        if (!_active.TryGetValue(runId, out var active) || !active.TokenMatches(token))
        {
            return null;
        }

        lock (active)
        {
            active.ConnectionId = connectionId;
            active.RecordHeartbeat();
            active.Run.Phase = "worker started, preparing data";
            runs.Update(active.Run);
        }

        await feed.PublishStatusAsync(active.Run);
        var settings = options.CurrentValue;
        var runEnvironment = environment.Create() with
        {
            CheckpointFolder = CheckpointsOf(runId).Path,
            CheckpointsKept = settings.CheckpointsKept,
        };
        return new WorkerAssignment(
            runId,
            active.Run.Kind,
            active.Run.ConfigurationJson,
            runEnvironment,
            settings.HeartbeatIntervalSeconds);
    }

    public void AcceptMetrics(string runId, IReadOnlyList<MetricBatch> batches)
    {
        var active = RequireReporting(runId);
        if (batches.Count > MaxBatchesPerMessage)
        {
            throw Reject(runId, $"a message may carry at most {MaxBatchesPerMessage} metric batches; got {batches.Count}");
        }

        foreach (var batch in batches)
        {
            if (batch?.Validate() is { } error)
            {
                throw Reject(runId, error);
            }
        }

        active.RecordHeartbeat();
        feed.Enqueue(runId, batches);
    }

    public async Task AcceptProgressAsync(string runId, double fraction, string phase)
    {
        var active = RequireReporting(runId);
        lock (active)
        {
            active.Run.Progress = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : active.Run.Progress;
            active.Run.Phase = phase.Length > 200 ? phase[..200] : phase;
            runs.Update(active.Run);
        }

        active.RecordHeartbeat();
        await feed.PublishStatusAsync(active.Run);
    }

    public void AcceptLog(string runId, IReadOnlyList<WorkerLogLine> lines)
    {
        var active = RequireReporting(runId);
        logs.Append(runId, lines);
        active.RecordHeartbeat();
    }

    /// <summary>Stores every point the run's worker has reported so far; the worker saves a checkpoint after this returns.</summary>
    public async Task StoreReportsAsync(string runId)
    {
        var active = RequireReporting(runId);
        active.RecordHeartbeat();
        await feed.FlushAsync(runId);
    }

    public void AcceptHeartbeat(string runId) => RequireReporting(runId).RecordHeartbeat();

    public void AcceptDevice(string runId, string device)
    {
        var active = RequireReporting(runId);
        lock (active)
        {
            active.Run.Device = device.Length > 100 ? device[..100] : device;
            runs.Update(active.Run);
        }
    }

    public void AcceptOutcome(string runId, WorkerOutcome outcome)
    {
        var active = RequireReporting(runId);
        lock (active)
        {
            active.Outcome = outcome;
        }
    }

    /// <summary>
    /// Cancels a run: a queued run ends at once; a running one is asked to stop between batches and its
    /// worker is killed if it has not stopped after <see cref="ComputeOptions.CancelGraceSeconds"/>.
    /// </summary>
    public async Task<CancelResult> CancelAsync(string runId)
    {
        if (_active.TryGetValue(runId, out var active))
        {
            return await CancelActiveAsync(active);
        }

        RunRecord? run;
        bool wasQueued;
        lock (_queueGate)
        {
            run = runs.Find(runId);
            if (run is null)
            {
                return CancelResult.NotFound;
            }

            wasQueued = run.Status == RunStatus.Queued;
            if (!wasQueued)
            {
                active = _active.GetValueOrDefault(runId);
            }
            else
            {
                run.Status = RunStatus.Cancelled;
                run.EndedAt = time.GetUtcNow();
                runs.Update(run);
            }
        }

        if (!wasQueued)
        {
            // A run that started between the first look-up and the lock has a worker that must be asked to stop.
            return active is null ? CancelResult.AlreadyFinished : await CancelActiveAsync(active);
        }

        ComputeLog.CancelRequested(logger, runId);
        await feed.PublishStatusAsync(run);
        return CancelResult.Cancelled;
    }

    /// <summary>Returns the run's checkpoint folder: the <c>checkpoints</c> subfolder of its artifact folder.</summary>
    public CheckpointFolder CheckpointsOf(string runId) =>
        new(Path.Combine(artifacts.RunFolder(runId), CheckpointsFolderName), options.CurrentValue.CheckpointsKept);

    /// <summary>
    /// Queues an Interrupted run again as the same run. With a checkpoint, the metric points reported after the
    /// checkpoint's step are removed and the worker continues from the checkpoint. Without one, every point is
    /// removed and the run starts from the beginning. Either way the run log records which.
    /// </summary>
    /// <summary>
    /// Returns whether a run can be resumed: an Interrupted run always (from the beginning when it has no checkpoint),
    /// and a Failed run when it saved a checkpoint, for example after its worker was killed for memory.
    /// </summary>
    public static bool CanResume(RunStatus status, bool hasCheckpoint) =>
        status == RunStatus.Interrupted || (status == RunStatus.Failed && hasCheckpoint);

    /// <summary>Returns whether the run with this status and id can be resumed; reads its checkpoint folder only when Failed.</summary>
    public bool CanResume(string runId, RunStatus status) =>
        CanResume(status, status == RunStatus.Failed && CheckpointsOf(runId).Latest() is not null);

    public async Task<ResumeResult> ResumeAsync(string runId)
    {
        RunRecord? run;
        string message;
        lock (_queueGate)
        {
            run = runs.Find(runId);
            if (run is null)
            {
                return ResumeResult.NotFound;
            }

            var checkpoint = CheckpointsOf(runId).Latest();
            if (!CanResume(run.Status, checkpoint is not null))
            {
                return ResumeResult.NotInterrupted;
            }

            if (checkpoint is null)
            {
                long removed = metrics.CountPoints(runId);
                metrics.DeleteRun(runId);
                message = $"Restarting from the beginning: no checkpoint was saved, so the {removed} stored metric points were removed.";
                ComputeLog.RunRestarted(logger, runId, removed);
            }
            else
            {
                var info = checkpoint.Info;
                long removed = metrics.DeletePointsAfter(runId, info.Step, info.CompletedMetrics);
                message = $"Resuming from the checkpoint after epoch {info.Epoch} of phase '{info.Phase}' (step {info.Step}); "
                    + $"removed {removed} metric points reported after it.";
                ComputeLog.RunResumed(logger, runId, info.Step, removed);
            }

            run.Status = RunStatus.Queued;
            run.Error = null;
            run.EndedAt = null;
            run.Summary = null;
            run.Phase = "queued to resume";
            runs.Update(run);
        }

        logs.Append(runId, [new WorkerLogLine(time.GetUtcNow().ToUnixTimeMilliseconds(), message)]);

        // NOTE: a page already showing this run keeps the removed points in its charts until it is reloaded,
        // because subscribers only ever receive appended points.
        await feed.PublishStatusAsync(run);
        signal.Notify();
        return ResumeResult.Queued;
    }

    /// <summary>Kills a worker and records why; its run fails with that reason when the process exits.</summary>
    public void Kill(ActiveRun active, string reason)
    {
        lock (active)
        {
            active.KillReason ??= reason;
        }

        TryKill(active);
    }

    /// <summary>Ends a run after its worker exited, from what the worker reported and how it exited.</summary>
    public async Task FinishAsync(ActiveRun active, int exitCode)
    {
        RunRecord run;
        lock (active)
        {
            run = active.Run;
            ApplyOutcome(active, exitCode);
            run.EndedAt = time.GetUtcNow();
            run.WorkerProcessId = null;
            runs.Update(run);
        }

        _active.TryRemove(run.Id, out _);
        ComputeLog.RunEnded(logger, run.Id, run.Status, exitCode);
        await feed.PublishStatusAsync(run);
        storage.Checkpoint();
        signal.Notify();
    }

    /// <summary>Marks every active run Interrupted and kills its worker; used when the server stops.</summary>
    public void InterruptAll(string reason)
    {
        foreach (var active in _active.Values)
        {
            lock (active)
            {
                active.Run.Status = RunStatus.Interrupted;
                active.Run.Error = reason;
                active.Run.EndedAt = time.GetUtcNow();
                active.Run.WorkerProcessId = null;
                runs.Update(active.Run);
            }

            TryKill(active);
            _active.TryRemove(active.RunId, out _);
            ComputeLog.RunInterrupted(logger, active.RunId);
        }
    }

    private async Task<CancelResult> CancelActiveAsync(ActiveRun active)
    {
        string? connectionId;
        lock (active)
        {
            if (active.CancelRequested)
            {
                return CancelResult.Requested;
            }

            active.CancelRequested = true;
            connectionId = active.ConnectionId;
        }

        ComputeLog.CancelRequested(logger, active.RunId);
        if (connectionId is not null)
        {
            await hub.Clients.Client(connectionId).SendAsync(RunsHubContract.CancelRun);
        }

        double grace = options.CurrentValue.CancelGraceSeconds;
        _ = Task.Delay(TimeSpan.FromSeconds(grace), time).ContinueWith(
            _ =>
            {
                // A run still active after the grace period has a worker that ignored the request.
                if (_active.ContainsKey(active.RunId))
                {
                    ComputeLog.WorkerKilledAfterCancel(logger, active.RunId, grace);
                    TryKill(active);
                }
            },
            TaskScheduler.Default);

        return CancelResult.Requested;
    }

    private void ApplyOutcome(ActiveRun active, int exitCode)
    {
        var run = active.Run;
        switch (active.Outcome)
        {
            case WorkerOutcome.Completed completed:
                run.Status = RunStatus.Completed;
                run.Summary = completed.Summary;
                run.Progress = 1;
                run.Phase = "completed";
                break;

            case WorkerOutcome.Cancelled:
                run.Status = RunStatus.Cancelled;
                run.Phase = "cancelled";
                break;

            case WorkerOutcome.Failed failed:
                run.Status = RunStatus.Failed;
                run.Error = failed.Message;
                run.Phase = "failed";
                break;

            case null when active.CancelRequested:
                run.Status = RunStatus.Cancelled;
                run.Phase = "cancelled";
                break;

            case null:
                run.Status = RunStatus.Failed;
                run.Phase = "failed";
                string cause = active.KillReason ?? $"The worker process {WorkerExitDescription.Describe(exitCode)} before reporting a result.";
                string tail = active.OutputTail();
                run.Error = tail.Length == 0 ? cause : $"{cause}\n\nLast output of the worker:\n{tail}";
                break;
        }
    }

    private ActiveRun RequireReporting(string runId)
    {
        if (!_active.TryGetValue(runId, out var active))
        {
            throw Reject(runId, "the run is not running");
        }

        if (active.Outcome is not null)
        {
            throw Reject(runId, "the run has already reported its outcome");
        }

        return active;
    }

    private HubException Reject(string runId, string reason)
    {
        ComputeLog.ReportRejected(logger, runId, reason);
        return new HubException($"Report rejected for run {runId}: {reason}.");
    }

    private void TryKill(ActiveRun active)
    {
        try
        {
            if (active.Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning(exception, "Could not kill the worker of run {RunId}", active.RunId);
        }
    }
}

/// <summary>Outcome of a resume request.</summary>
public enum ResumeResult
{
    /// <summary>The run is queued again and continues from its last checkpoint, or from the beginning without one.</summary>
    Queued,

    /// <summary>Only Interrupted runs, and Failed runs with a checkpoint, can be resumed.</summary>
    NotInterrupted,

    NotFound,
}

/// <summary>Outcome of a cancel request.</summary>
public enum CancelResult
{
    /// <summary>The run was queued and is now Cancelled.</summary>
    Cancelled,

    /// <summary>The run's worker was asked to stop.</summary>
    Requested,

    /// <summary>The run had already ended.</summary>
    AlreadyFinished,

    NotFound,
}
