using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Study groups in the <c>run_groups</c> collection, indexed by creation time.</summary>
public sealed class LiteDbRunGroupStore : IRunGroupStore
{
    private readonly ILiteCollection<BsonDocument> _groups;

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
