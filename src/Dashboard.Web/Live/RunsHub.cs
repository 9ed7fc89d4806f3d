using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Dashboard.Web.Compute;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// The runs hub at <see cref="RunsHubContract.Path"/>, used by subscribers (tests, the command-line tool,
/// any SignalR client) and by workers. Method names and message shapes are in <see cref="RunsHubContract"/>.
/// The hub accepts anonymous connections because workers authenticate with their run token in
/// <see cref="AttachWorker"/>; the subscriber methods need the viewer role (always granted while sign-in is off).
/// </summary>
public sealed class RunsHub(LiveRunFeed feed, RunCoordinator coordinator) : Hub
{
    private const string AttachedRunKey = "attached-run";

    [Authorize(DashboardRoles.Viewer)]
    public Task<bool> Subscribe(string runId) =>
        RunIds.IsWellFormed(runId)
            ? feed.SubscribeConnectionAsync(runId, Context.ConnectionId, Context.ConnectionAborted)
            : Task.FromResult(false);

    [Authorize(DashboardRoles.Viewer)]
    public Task Unsubscribe(string runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunsHubGroups.Run(runId));

    [Authorize(DashboardRoles.Viewer)]
    public Task SubscribeRunList() => Groups.AddToGroupAsync(Context.ConnectionId, RunsHubGroups.RunList);

    public async Task<WorkerAssignment> AttachWorker(string runId, string token)
    {
        var assignment = await coordinator.AttachWorkerAsync(runId, token, Context.ConnectionId)
            ?? throw new HubException($"Run {runId} is not waiting for a worker, or the run token is wrong.");

        Context.Items[AttachedRunKey] = runId;
        await Groups.AddToGroupAsync(Context.ConnectionId, RunsHubGroups.Worker(runId));
        return assignment;
    }

    public void ReportMetrics(MetricBatch[] batches) => coordinator.AcceptMetrics(AttachedRun(), batches);

    public Task ReportProgress(double fraction, string phase) => coordinator.AcceptProgressAsync(AttachedRun(), fraction, phase);

    public void ReportLog(WorkerLogLine[] lines) => coordinator.AcceptLog(AttachedRun(), lines);

    public void ReportDevice(string device) => coordinator.AcceptDevice(AttachedRun(), device);

    public Task StoreReports() => coordinator.StoreReportsAsync(AttachedRun());

    public void Heartbeat() => coordinator.AcceptHeartbeat(AttachedRun());

    public void CompleteRun(RunSummary summary) => coordinator.AcceptOutcome(AttachedRun(), new WorkerOutcome.Completed(summary));

    public void FailRun(string message) => coordinator.AcceptOutcome(AttachedRun(), new WorkerOutcome.Failed(message));

    public void ConfirmCancelled() => coordinator.AcceptOutcome(AttachedRun(), new WorkerOutcome.Cancelled());

    private string AttachedRun() =>
        Context.Items.TryGetValue(AttachedRunKey, out var runId) && runId is string id
            ? id
            : throw new HubException("Only an attached worker may report; call AttachWorker first.");
}
