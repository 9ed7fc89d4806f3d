using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Protocol;

/// <summary>What a worker needs to run its run: the experiment, its configuration and the machine's settings.</summary>
public sealed record WorkerAssignment(
    string RunId,
    string Kind,
    string ConfigurationJson,
    RunEnvironment Environment,
    double HeartbeatIntervalSeconds);

/// <summary>A run's state as sent to subscribers.</summary>
public sealed record RunStatusMessage(
    string RunId,
    string Name,
    string Kind,
    RunStatus Status,
    double Progress,
    string? Phase,
    string? Device,
    string? Error,
    RunSummary? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public static RunStatusMessage From(RunRecord run) => new(
        run.Id, run.Name, run.Kind, run.Status, run.Progress, run.Phase, run.Device, run.Error, run.Summary,
        run.CreatedAt, run.StartedAt, run.EndedAt);
}

/// <summary>Everything stored for a run at the moment of subscription.</summary>
public sealed record RunHistoryMessage(RunStatusMessage Run, IReadOnlyList<MetricBatch> Metrics);

/// <summary>Points appended to a run since the previous message.</summary>
public sealed record RunMetricsMessage(string RunId, IReadOnlyList<MetricBatch> Batches);

/// <summary>One line of a run's log. <paramref name="TimestampMs"/> is Unix time in milliseconds.</summary>
public sealed record WorkerLogLine(long TimestampMs, string Message);
