using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Compute;

/// <summary>
/// Server-side state of a run whose worker process is alive: the process, the hash of its run token, the
/// hub connection it attached from, its last heartbeat, and what it reported. Guarded by locking the instance.
/// </summary>
public sealed class ActiveRun
{
    private readonly byte[] _tokenHash;
    private readonly OutputTail _outputTail = new(maxLines: 40);
    private long _lastHeartbeatTimestamp = Stopwatch.GetTimestamp();

    public ActiveRun(RunRecord run, string token)
    {
        Run = run;
        _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public RunRecord Run { get; }

    public string RunId => Run.Id;

    public Process? Process { get; set; }

    public string? ConnectionId { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>Why the server killed the worker, if it did; becomes the run's error.</summary>
    public string? KillReason { get; set; }

    public WorkerOutcome? Outcome { get; set; }

    public TimeSpan SinceLastHeartbeat => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastHeartbeatTimestamp));

    public void RecordHeartbeat() => Interlocked.Exchange(ref _lastHeartbeatTimestamp, Stopwatch.GetTimestamp());

    public bool TokenMatches(string token) =>
        CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void AppendOutput(string line) => _outputTail.Append(line);

    public string OutputTail() => _outputTail.ToString();
}

/// <summary>What a worker reported at the end of its run.</summary>
public abstract record WorkerOutcome
{
    public sealed record Completed(RunSummary Summary) : WorkerOutcome;

    public sealed record Failed(string Message) : WorkerOutcome;

    public sealed record Cancelled : WorkerOutcome;
}
