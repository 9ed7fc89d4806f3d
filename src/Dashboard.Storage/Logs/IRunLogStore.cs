using Dashboard.Core.Protocol;

namespace Dashboard.Storage;

/// <summary>Log lines of runs, stored in chunks of many lines. Implementations are thread-safe.</summary>
public interface IRunLogStore
{
    /// <summary>Appends the lines in order, all in one LiteDB transaction.</summary>
    void Append(string runId, IReadOnlyList<WorkerLogLine> lines);

    /// <summary>Returns the last <paramref name="maxLines"/> lines of the run, oldest first.</summary>
    IReadOnlyList<WorkerLogLine> ReadTail(string runId, int maxLines);

    /// <summary>Removes every log line of the run; returns the number of chunk documents removed.</summary>
    int DeleteRun(string runId);
}
