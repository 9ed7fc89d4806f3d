using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>Study groups: runs launched together that differ in one configuration field.</summary>
public interface IRunGroupStore
{
    /// <summary>Stores a new group; throws <see cref="InvalidOperationException"/> if its id is taken.</summary>
    void Insert(RunGroup group);

    RunGroup? Find(string id);

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored group and saves its name, tags, notes and members' deleted
    /// flags. Returns the updated group, or null if no group has the id.
    /// </summary>
    RunGroup? Edit(string id, Action<RunGroup> edit);

    /// <summary>Returns groups newest first.</summary>
    IReadOnlyList<RunGroup> List(int skip, int take);
}
