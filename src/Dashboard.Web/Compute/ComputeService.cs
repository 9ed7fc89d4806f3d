using System.Security.Cryptography;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>
/// The hosted compute service: on start it marks runs left Running by a previous server Interrupted and
/// stops their orphaned workers; then it starts a worker process for each queued run while fewer than
/// <see cref="ComputeOptions.MaxConcurrentRuns"/> are running, and stops workers that stop sending
/// heartbeats. A worker's failure ends only its own run.
/// </summary>
public sealed class ComputeService(
    RunCoordinator coordinator,
    WorkerProcessLauncher launcher,
    IRunStore runs,
    ComputeSignal signal,
    ComputeStatus status,
    ServerAddress serverAddress,
    OrphanWorkers orphans,
    IHostApplicationLifetime lifetime,
    IOptionsMonitor<ComputeOptions> options,
    TimeProvider time,
    ILogger<ComputeService> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ExitGraceAfterOutcome = TimeSpan.FromSeconds(15);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        RecoverInterruptedRuns();
        if (options.CurrentValue.ResumeInterruptedOnStart)
        {
            foreach (var run in runs.FindByStatus(RunStatus.Interrupted))
            {
                await coordinator.ResumeAsync(run.Id);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        status.MarkStopped();
        await base.StopAsync(cancellationToken);
        coordinator.InterruptAll("The server stopped while this run was running.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Workers connect back over HTTP, so dispatching waits until Kestrel listens.
        await WaitForApplicationStartedAsync(stoppingToken);
        status.MarkReady();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchQueuedRunsAsync();
                SuperviseWorkers();
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                ComputeLog.LoopFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void RecoverInterruptedRuns()
    {
        foreach (var run in runs.FindByStatus(RunStatus.Running))
        {
            if (run.WorkerProcessId is int processId)
            {
                orphans.TryStop(processId, run.Id);
            }

            run.Status = RunStatus.Interrupted;
            run.Error = "The server stopped while this run was running; its worker was stopped.";
            run.EndedAt ??= time.GetUtcNow();
            run.WorkerProcessId = null;
            runs.Update(run);
            ComputeLog.RunInterrupted(logger, run.Id);
        }
    }

    private async Task DispatchQueuedRunsAsync()
    {
        while (coordinator.Active.Count < options.CurrentValue.MaxConcurrentRuns)
        {
            string token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var active = coordinator.StartNext(token);
            if (active is null)
            {
                return;
            }

            try
            {
                var process = launcher.Start(active.RunId, token, serverAddress.Resolve(), active.AppendOutput);
                active.Process = process;
                await coordinator.AttachProcessAsync(active, process.Id);
                _ = SuperviseExitAsync(active, process);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                ComputeLog.WorkerStartFailed(logger, exception, active.RunId);
                coordinator.Kill(active, $"The worker process could not be started: {exception.Message}");
                await coordinator.FinishAsync(active, exitCode: -1);
            }
        }
    }

    private async Task SuperviseExitAsync(ActiveRun active, System.Diagnostics.Process process)
    {
        try
        {
            // Also waits until the redirected output has been read to its end.
            await process.WaitForExitAsync();
            await coordinator.FinishAsync(active, process.ExitCode);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Finishing run {RunId} failed", active.RunId);
        }
        finally
        {
            process.Dispose();
        }
    }

    private void SuperviseWorkers()
    {
        var timeout = TimeSpan.FromSeconds(options.CurrentValue.HeartbeatTimeoutSeconds);
        foreach (var active in coordinator.Active)
        {
            if (active.Process is null || active.KillReason is not null)
            {
                continue;
            }

            var silence = active.SinceLastHeartbeat;
            if (active.Outcome is null && silence > timeout)
            {
                ComputeLog.HeartbeatLost(logger, active.RunId, silence.TotalSeconds);
                coordinator.Kill(active,
                    $"The worker sent no heartbeat for {silence.TotalSeconds:F0} s (limit: Compute:HeartbeatTimeoutSeconds = {timeout.TotalSeconds:F0} s), so it was considered hung and stopped.");
            }
            else if (active.Outcome is not null && silence > ExitGraceAfterOutcome)
            {
                // The run reported its result but the process did not exit. The reported result is kept.
                coordinator.Kill(active, "The worker did not exit after reporting its result.");
            }
        }
    }

    private async Task WaitForApplicationStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
