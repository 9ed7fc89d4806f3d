using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Run records in the <c>runs</c> collection, one document per run keyed by run id.</summary>
public sealed class LiteDbRunStore : IRunStore
{
    private readonly ILiteCollection<BsonDocument> _runs;

    public LiteDbRunStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _runs = storage.Database.GetCollection(StorageCollections.Runs);
        _runs.EnsureIndex(RunDocument.Status);
        _runs.EnsureIndex(RunDocument.CreatedAt);
        _runs.EnsureIndex(RunDocument.Kind);
    }

    public void Insert(RunRecord run)
    {
        var document = RunDocument.FromRecord(run);
        try
        {
            _runs.Insert(document);
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"A run with id '{run.Id}' already exists.", exception);
        }
    }

    public void Update(RunRecord run)
    {
        var document = RunDocument.FromRecord(run);
        if (!_runs.Update(document))
        {
            throw new KeyNotFoundException($"Run '{run.Id}' was not found; insert it before updating it.");
        }
    }

    public RunRecord? Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        var document = _runs.FindById(id);
        return document is null ? null : RunDocument.ToRecord(document);
    }

    public IReadOnlyList<RunRecord> FindByStatus(RunStatus status) =>
        _runs.Query()
            .Where($"$.{RunDocument.Status} = @0", status.ToString())
            .OrderBy($"[$.{RunDocument.CreatedAt}, $._id]")
            .ToList()
            .Select(RunDocument.ToRecord)
            .ToList();

    public int CountByStatus(RunStatus status) =>
        _runs.Count(BsonExpression.Create($"$.{RunDocument.Status} = @0", status.ToString()));

    public RunPage Query(RunQuery query) => RunQueryRunner.Run(_runs, query);
}
