using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>Persistent run records. Implementations are thread-safe.</summary>
public interface IRunStore
{
    /// <summary>Adds a new run; throws <see cref="InvalidOperationException"/> if a run with its id exists.</summary>
    void Insert(RunRecord run);

    /// <summary>
    /// Replaces the stored state of <paramref name="run"/>; throws <see cref="KeyNotFoundException"/> if absent. The
    /// user's annotations (name, tags, notes, archive state) keep their stored values, and <paramref name="run"/>'s
    /// name is set to the stored one: only <see cref="Edit"/> changes them.
    /// </summary>
    void Update(RunRecord run);

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored run and saves its name, tags, notes and archive state; other
    /// changes are ignored. Returns the updated run, or null if no run has the id.
    /// </summary>
    RunRecord? Edit(string id, Action<RunRecord> edit);

    /// <summary>Removes the run's document; returns false if no run has the id. Metrics, logs and artifacts stay.</summary>
    bool Delete(string id);

    RunRecord? Find(string id);

    /// <summary>Returns the runs in <paramref name="status"/> ordered by creation time, oldest first (queue order).</summary>
    IReadOnlyList<RunRecord> FindByStatus(RunStatus status);

    int CountByStatus(RunStatus status);

    /// <summary>Returns one page of the runs that match <paramref name="query"/>, and how many match in all.</summary>
    RunPage Query(RunQuery query);
}
