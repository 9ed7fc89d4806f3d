using LiteDB;

namespace Dashboard.Storage;

/// <summary>API tokens in the <c>api_tokens</c> collection, with a unique index on the token hash and an index on the user.</summary>
public sealed class LiteDbApiTokenStore : IApiTokenStore
{
    private readonly ILiteCollection<BsonDocument> _tokens;

    public LiteDbApiTokenStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _tokens = storage.Database.GetCollection(StorageCollections.ApiTokens);
        _tokens.EnsureIndex(ApiTokenDocument.TokenHash, unique: true);
        _tokens.EnsureIndex(ApiTokenDocument.UserKey);
    }

    public void Insert(ApiToken token)
    {
        var document = ApiTokenDocument.FromToken(token);
        try
        {
            _tokens.Insert(document);
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"API token '{token.Id}' was not stored: its id or token hash is already in use.", exception);
        }
    }

    public ApiToken? Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        var document = _tokens.FindById(id);
        return document is null ? null : ApiTokenDocument.ToToken(document);
    }

    public ApiToken? FindByTokenHash(string tokenHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);

        var document = _tokens.FindOne(BsonExpression.Create(
            $"$.{ApiTokenDocument.TokenHash} = @0", ShareLinkDocument.NormalizeHash(tokenHash)));
        return document is null ? null : ApiTokenDocument.ToToken(document);
    }

    public IReadOnlyList<ApiToken> ListForUser(string userName)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);

        return _tokens.Query()
            .Where($"$.{ApiTokenDocument.UserKey} = @0", UserDocument.Key(userName))
            .OrderByDescending($"[$.{ApiTokenDocument.CreatedAt}, $._id]")
            .ToList()
            .Select(ApiTokenDocument.ToToken)
            .ToList();
    }

    public void Update(ApiToken token)
    {
        if (!_tokens.Update(ApiTokenDocument.FromToken(token)))
        {
            throw new KeyNotFoundException($"API token '{token.Id}' was not found; insert it before updating it.");
        }
    }

    public int DeleteForUser(string userName)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);

        return _tokens.DeleteMany(BsonExpression.Create($"$.{ApiTokenDocument.UserKey} = @0", UserDocument.Key(userName)));
    }
}
