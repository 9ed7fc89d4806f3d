using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Protocol;

/// <summary>
/// Names of the methods on the runs hub, shared by the server, workers and clients.
/// <para>
/// Subscribers call <see cref="Subscribe"/> and receive one <see cref="History"/> message with every stored
/// point, then <see cref="Metrics"/> and <see cref="Status"/> messages as the run goes on, in order and
/// without gaps or duplicates. Workers call <see cref="AttachWorker"/> with their run token first, then report.
/// </para>
/// </summary>
public static class RunsHubContract
{
    public const string Path = "/hubs/runs";

    /// <summary>Subscriber to server: <c>Subscribe(string runId)</c>; returns false for an unknown run.</summary>
    public const string Subscribe = "Subscribe";

    /// <summary>Subscriber to server: <c>Unsubscribe(string runId)</c>.</summary>
    public const string Unsubscribe = "Unsubscribe";

    /// <summary>Subscriber to server: <c>SubscribeRunList()</c>; status changes of all runs follow.</summary>
    public const string SubscribeRunList = "SubscribeRunList";

    /// <summary>Server to subscriber: <see cref="RunHistoryMessage"/>, sent once per subscription before live messages.</summary>
    public const string History = "RunHistory";

    /// <summary>Server to subscriber: <see cref="RunMetricsMessage"/> with points newer than anything sent before.</summary>
    public const string Metrics = "RunMetrics";

    /// <summary>Server to subscriber: <see cref="RunStatusMessage"/> when a run's state, progress or summary changes.</summary>
    public const string Status = "RunStatus";

    /// <summary>Worker to server: <c>AttachWorker(string runId, string token)</c>; returns a <see cref="WorkerAssignment"/>.</summary>
    public const string AttachWorker = "AttachWorker";

    /// <summary>Worker to server: <c>ReportMetrics(MetricBatch[] batches)</c>.</summary>
    public const string ReportMetrics = "ReportMetrics";

    /// <summary>Worker to server: <c>ReportProgress(double fraction, string phase)</c>.</summary>
    public const string ReportProgress = "ReportProgress";

    /// <summary>Worker to server: <c>ReportLog(WorkerLogLine[] lines)</c>.</summary>
    public const string ReportLog = "ReportLog";

    /// <summary>Worker to server: <c>ReportDevice(string device)</c>, the device it trains on, such as <c>cpu</c> or <c>cuda:0</c>.</summary>
    public const string ReportDevice = "ReportDevice";

    /// <summary>
    /// Worker to server: <c>StoreReports()</c>, sent after the metrics it covers; returns once the server has
    /// written every metric point it received from the worker to the database.
    /// </summary>
    public const string StoreReports = "StoreReports";

    /// <summary>Worker to server: <c>Heartbeat()</c>, sent while the training thread makes progress.</summary>
    public const string Heartbeat = "Heartbeat";

    /// <summary>Worker to server: <c>CompleteRun(RunSummary summary)</c>.</summary>
    public const string CompleteRun = "CompleteRun";

    /// <summary>Worker to server: <c>FailRun(string message)</c>.</summary>
    public const string FailRun = "FailRun";

    /// <summary>Worker to server: <c>ConfirmCancelled()</c>, after the experiment stopped on a cancel request.</summary>
    public const string ConfirmCancelled = "ConfirmCancelled";

    /// <summary>Server to worker: <c>CancelRun()</c>; the worker stops between batches.</summary>
    public const string CancelRun = "CancelRun";

    /// <summary>HTTP header that carries a worker's run token on artifact uploads.</summary>
    public const string WorkerTokenHeader = "X-Run-Token";

    /// <summary>Environment variable through which the server hands a worker its run token.</summary>
    public const string WorkerTokenVariable = "DASHBOARD_RUN_TOKEN";

    /// <summary>Client-to-server SignalR messages are limited to 32 KB; workers keep each metric message below this many points.</summary>
    public const int MaxPointsPerMessage = 400;

    /// <summary>
    /// Applies the hub's JSON settings to a SignalR JSON protocol's options; servers and clients must both
    /// call it. Enums travel as strings, and NaN and infinite metric values (a diverged loss) as the strings
    /// "NaN", "Infinity" and "-Infinity", which plain JSON numbers cannot express.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }
}
