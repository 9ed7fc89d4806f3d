using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Compute;

/// <summary>Settings of the compute service, bound from the "Compute" section of appsettings.json.</summary>
public sealed class ComputeOptions
{
    public const string Section = "Compute";

    /// <summary>Runs trained at the same time, each in its own worker process.</summary>
    [Range(1, 256)]
    public int MaxConcurrentRuns { get; set; } = 1;

    /// <summary>Queued runs beyond which a launch is rejected.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedRuns { get; set; } = 1000;

    /// <summary>libtorch intra-op threads per worker; 0 keeps libtorch's default (one per core).</summary>
    [Range(0, 1024)]
    public int TorchThreads { get; set; }

    /// <summary><c>auto</c> (CUDA when available, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
    [RegularExpression("^(auto|cpu|cuda(:[0-9]+)?)$", ErrorMessage = "Compute:Device must be auto, cpu, cuda or cuda:N.")]
    public string Device { get; set; } = "auto";

    /// <summary>Seconds between a worker's heartbeats.</summary>
    [Range(0.05, 3600)]
    public double HeartbeatIntervalSeconds { get; set; } = 2;

    /// <summary>Seconds without a heartbeat after which a worker is considered hung, stopped, and its run failed.</summary>
    [Range(0.5, 86_400)]
    public double HeartbeatTimeoutSeconds { get; set; } = 120;

    /// <summary>Seconds a worker gets to stop after a cancel request before it is killed.</summary>
    [Range(0, 600)]
    public double CancelGraceSeconds { get; set; } = 5;

    /// <summary>Resumes every run marked Interrupted when the server starts, each from its last checkpoint.</summary>
    public bool ResumeInterruptedOnStart { get; set; }

    /// <summary>Checkpoints kept per run; older ones are deleted after each save.</summary>
    [Range(1, 100)]
    public int CheckpointsKept { get; set; } = 1;

    /// <summary>
    /// Executable started for each run, with the worker arguments appended. Empty means this server's own
    /// executable (the web build doubles as the worker).
    /// </summary>
    public string? WorkerExecutable { get; set; }

    /// <summary>
    /// Base URL workers use to reach this server. Empty means the first address the server listens on, with
    /// a wildcard host replaced by 127.0.0.1.
    /// </summary>
    public string? ServerUrl { get; set; }
}
