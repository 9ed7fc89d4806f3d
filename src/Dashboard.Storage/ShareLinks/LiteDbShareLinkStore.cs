using LiteDB;

namespace Dashboard.Storage;

/// <summary>Share links in the <c>share_links</c> collection, with a unique index on the token hash.</summary>
public sealed class LiteDbShareLinkStore : IShareLinkStore
{
    private readonly ILiteCollection<BsonDocument> _links;

    public LiteDbShareLinkStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _links = storage.Database.GetCollection(StorageCollections.ShareLinks);
        _links.EnsureIndex(ShareLinkDocument.TokenHash, unique: true);
        _links.EnsureIndex(ShareLinkDocument.ScopeIds, $"$.{ShareLinkDocument.ScopeIds}[*]");
    }

    public void Insert(ShareLink link)
    {
        var document = ShareLinkDocument.FromLink(link);
        try
        {
            _links.Insert(document);
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException(
                $"Share link '{link.Id}' was not stored: its id or token hash is already in use.", exception);
        }
    }

    public ShareLink? Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        var document = _links.FindById(id);
        return document is null ? null : ShareLinkDocument.ToLink(document);
    }

    public ShareLink? FindByTokenHash(string tokenHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);

        var document = _links.FindOne(BsonExpression.Create(
            $"$.{ShareLinkDocument.TokenHash} = @0", ShareLinkDocument.NormalizeHash(tokenHash)));
        return document is null ? null : ShareLinkDocument.ToLink(document);
    }

    public IReadOnlyList<ShareLink> List() =>
        _links.Query()
            .OrderByDescending($"[$.{ShareLinkDocument.CreatedAt}, $._id]")
            .ToList()
            .Select(ShareLinkDocument.ToLink)
            .ToList();

    public IReadOnlyList<ShareLink> ListFor(ShareScopeKind kind, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // Links stored before scopes existed name their run in RunId instead of ScopeIds.
        return _links.Query()
            .Where($"$.{ShareLinkDocument.ScopeIds}[*] ANY = @0 OR $.{ShareLinkDocument.LegacyRunId} = @0", id)
            .OrderBy($"[$.{ShareLinkDocument.CreatedAt}, $._id]")
            .ToList()
            .Select(ShareLinkDocument.ToLink)
            .Where(link => link.Scope.Kind == kind)
            .ToList();
    }

    public IReadOnlyList<ShareLink> ListForRun(string runId) => ListFor(ShareScopeKind.Run, runId);

    public void Update(ShareLink link)
    {
        var document = ShareLinkDocument.FromLink(link);
        if (!_links.Update(document))
        {
            throw new KeyNotFoundException($"Share link '{link.Id}' was not found; insert it before updating it.");
        }
    }
}
