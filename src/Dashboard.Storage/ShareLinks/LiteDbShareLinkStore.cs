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
        _links.EnsureIndex(ShareLinkDocument.RunId);
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

    public ShareLink? FindByTokenHash(string tokenHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);

        var document = _links.FindOne(BsonExpression.Create(
            $"$.{ShareLinkDocument.TokenHash} = @0", ShareLinkDocument.NormalizeHash(tokenHash)));
        return document is null ? null : ShareLinkDocument.ToLink(document);
    }

    public IReadOnlyList<ShareLink> ListForRun(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);

        return _links.Query()
            .Where($"$.{ShareLinkDocument.RunId} = @0", runId)
            .OrderBy($"[$.{ShareLinkDocument.CreatedAt}, $._id]")
            .ToList()
            .Select(ShareLinkDocument.ToLink)
            .ToList();
    }

    public void Update(ShareLink link)
    {
        var document = ShareLinkDocument.FromLink(link);
        if (!_links.Update(document))
        {
            throw new KeyNotFoundException($"Share link '{link.Id}' was not found; insert it before updating it.");
        }
    }
}
