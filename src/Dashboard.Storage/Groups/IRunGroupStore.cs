using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>Study groups: runs launched together that differ in one configuration field.</summary>
public interface IRunGroupStore
{
    /// <summary>Stores a new group; throws <see cref="InvalidOperationException"/> if its id is taken.</summary>
    void Insert(RunGroup group);

    RunGroup? Find(string id);

    /// <summary>Returns groups newest first.</summary>
    IReadOnlyList<RunGroup> List(int skip, int take);
}
