using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>Persistent run records. Implementations are thread-safe.</summary>
public interface IRunStore
{
    /// <summary>Adds a new run; throws <see cref="InvalidOperationException"/> if a run with its id exists.</summary>
    void Insert(RunRecord run);

    /// <summary>Replaces the stored document of <paramref name="run"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    void Update(RunRecord run);

    RunRecord? Find(string id);

    /// <summary>Returns the runs in <paramref name="status"/> ordered by creation time, oldest first (queue order).</summary>
    IReadOnlyList<RunRecord> FindByStatus(RunStatus status);

    int CountByStatus(RunStatus status);

    /// <summary>Returns one page of the runs that match <paramref name="query"/>, and how many match in all.</summary>
    RunPage Query(RunQuery query);
}
