using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Run records in the <c>runs</c> collection, one document per run keyed by run id.</summary>
public sealed class LiteDbRunStore : IRunStore
{
    private readonly ILiteCollection<BsonDocument> _runs;

    // Update and Edit read the stored document before writing it; the lock keeps one from losing the other's change.
    private readonly Lock _writeLock = new();

    public LiteDbRunStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _runs = storage.Database.GetCollection(StorageCollections.Runs);
        _runs.EnsureIndex(RunDocument.Status);
        _runs.EnsureIndex(RunDocument.CreatedAt);
        _runs.EnsureIndex(RunDocument.Kind);
        _runs.EnsureIndex(RunDocument.Archived);
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
        lock (_writeLock)
        {
            var stored = _runs.FindById(run.Id)
                ?? throw new KeyNotFoundException($"Run '{run.Id}' was not found; insert it before updating it.");

            // The record may be a copy read before the user renamed, tagged or archived the run; keep those edits.
            foreach (string field in RunDocument.AnnotationFields)
            {
                document[field] = stored[field];
            }

            _runs.Update(document);
        }

        run.Name = RunDocument.ToRecord(document).Name;
    }

    public RunRecord? Edit(string id, Action<RunRecord> edit)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(edit);

        lock (_writeLock)
        {
            var stored = _runs.FindById(id);
            if (stored is null)
            {
                return null;
            }

            var run = RunDocument.ToRecord(stored);
            edit(run);

            var edited = RunDocument.FromRecord(run);
            foreach (string field in RunDocument.AnnotationFields)
            {
                stored[field] = edited[field];
            }

            _runs.Update(stored);
            return RunDocument.ToRecord(stored);
        }
    }

    public bool Delete(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        lock (_writeLock)
        {
            return _runs.Delete(id);
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
