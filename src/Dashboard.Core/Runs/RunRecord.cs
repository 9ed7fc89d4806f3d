namespace Dashboard.Core.Runs;

/// <summary>
/// One experiment run as stored and shown: what was launched, its state, and its result.
/// The configuration is kept as JSON in the shape of the kind's configuration type;
/// <see cref="Experiments.ExperimentCatalog.ReadConfiguration"/> turns it back into the typed object.
/// </summary>
public sealed class RunRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Identifier of the experiment kind, for example <c>backdoor</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The typed configuration serialised with <see cref="Configuration.ConfigurationJson"/>.</summary>
    public required string ConfigurationJson { get; init; }

    public RunStatus Status { get; set; } = RunStatus.Queued;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Fraction of the run's work done, from 0 to 1, as last reported by its worker.</summary>
    public double Progress { get; set; }

    /// <summary>What the run is doing now, for example "epoch 3 of 5".</summary>
    public string? Phase { get; set; }

    /// <summary>Device the worker trains on, as the worker reported it (for example <c>cpu</c> or <c>cuda:0</c>).</summary>
    public string? Device { get; set; }

    public RunSummary? Summary { get; set; }

    /// <summary>Why the run failed: the experiment's message, or the worker's exit status and error output.</summary>
    public string? Error { get; set; }

    /// <summary>Process id of the run's worker while it runs, used to stop an orphaned worker after a restart.</summary>
    public int? WorkerProcessId { get; set; }

    public List<ArtifactInfo> Artifacts { get; set; } = [];

    /// <summary>Name of the signed-in user who launched the run; null for runs launched without sign-in.</summary>
    public string? Owner { get; init; }

    /// <summary>The study group the run was launched in, if any.</summary>
    public string? GroupId { get; init; }

    /// <summary>Labels the user attached to the run, each trimmed and unique (compared case-insensitively).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The user's Markdown notes on the run, shown sanitised; null when there are none.</summary>
    public string? Notes { get; set; }

    /// <summary>When the run was archived; archived runs are hidden from the default run list. Null when not archived.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public TimeSpan? Duration => StartedAt is { } started ? (EndedAt ?? DateTimeOffset.UtcNow) - started : null;
}
