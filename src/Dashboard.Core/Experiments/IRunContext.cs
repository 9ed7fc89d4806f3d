namespace Dashboard.Core.Experiments;

/// <summary>
/// What a running experiment reports through and observes. Implementations are safe to call from the
/// training thread at every step: metric points are buffered and sent in batches.
/// </summary>
public interface IRunContext
{
    string RunId { get; }

    RunEnvironment Environment { get; }

    /// <summary>Fires when the user cancels the run; check it between batches.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Records one metric value at a global training step and epoch position.</summary>
    void ReportMetric(string metric, long step, double epoch, double value);

    /// <summary>Reports the fraction of the run done (0 to 1) and a short phase text such as "epoch 2 of 5".</summary>
    void ReportProgress(double fraction, string phase);

    /// <summary>Adds a line to the run's log.</summary>
    void Log(string message);

    /// <summary>
    /// Blocks until the server has stored every metric point and log line reported so far. Experiments call it
    /// before saving a checkpoint, so that a checkpoint never gets ahead of the run's stored history. Contexts
    /// without a server have nothing to wait for.
    /// </summary>
    void StoreReports()
    {
    }

    /// <summary>Stores a file with the run, for example the indices of poisoned training images.</summary>
    void SaveArtifact(string name, string contentType, byte[] content);
}
