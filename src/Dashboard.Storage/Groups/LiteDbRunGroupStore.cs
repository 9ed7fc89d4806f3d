using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Study groups in the <c>run_groups</c> collection, indexed by creation time.</summary>
public sealed class LiteDbRunGroupStore : IRunGroupStore
{
    private readonly ILiteCollection<BsonDocument> _groups;
    private readonly Lock _writeLock = new();

    public LiteDbRunGroupStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _groups = storage.Database.GetCollection(StorageCollections.RunGroups);
        _groups.EnsureIndex(RunGroupDocument.CreatedAt);
    }

    public void Insert(RunGroup group)
    {
        var document = RunGroupDocument.FromGroup(group);
        try
        {
            _groups.Insert(document);
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"Group '{group.Id}' was not stored: its id is already in use.", exception);
        }
    }

    public RunGroup? Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        var document = _groups.FindById(id);
        return document is null ? null : RunGroupDocument.ToGroup(document);
    }

    public RunGroup? Edit(string id, Action<RunGroup> edit)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(edit);

        lock (_writeLock)
        {
            var stored = _groups.FindById(id);
            if (stored is null)
            {
                return null;
            }

            var group = RunGroupDocument.ToGroup(stored);
            var members = group.Members.ToList();
            edit(group);

            // Members may only be marked deleted; the run ids, values and labels stay as launched.
            var deleted = group.Members.Where(member => member.Deleted).Select(member => member.RunId).ToHashSet(StringComparer.Ordinal);
            group.Members.Clear();
            group.Members.AddRange(members.Select(member => member with { Deleted = member.Deleted || deleted.Contains(member.RunId) }));

            var document = RunGroupDocument.FromGroup(group);
            _groups.Update(document);
            return RunGroupDocument.ToGroup(document);
        }
    }

    public IReadOnlyList<RunGroup> List(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);

        return _groups.Query()
            .OrderByDescending($"$.{RunGroupDocument.CreatedAt}")
            .Skip(skip)
            .Limit(take)
            .ToList()
            .Select(RunGroupDocument.ToGroup)
            .ToList();
    }
}
