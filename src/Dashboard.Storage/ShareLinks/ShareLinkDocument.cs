using LiteDB;

namespace Dashboard.Storage;

/// <summary>Converts a <see cref="ShareLink"/> to and from its stored BSON document.</summary>
internal static class ShareLinkDocument
{
    public const string TokenHash = "TokenHash";
    public const string TokenPrefix = "TokenPrefix";
    public const string ScopeKind = "ScopeKind";
    public const string ScopeIds = "ScopeIds";
    public const string CreatedAt = "CreatedAt";
    public const string ExpiresAt = "ExpiresAt";
    public const string RevokedAt = "RevokedAt";
    public const string LastUsedAt = "LastUsedAt";

    /// <summary>Run id of links stored before links had a scope; such a link shares that one run.</summary>
    public const string LegacyRunId = "RunId";

    /// <summary>Hex digits compare case-sensitively under the database's ordinal collation, so they are stored in lower case.</summary>
    public static string NormalizeHash(string tokenHash) => tokenHash.ToLowerInvariant();

    public static BsonDocument FromLink(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrEmpty(link.Id, nameof(link));
        ArgumentException.ThrowIfNullOrEmpty(link.TokenHash, nameof(link));
        ArgumentNullException.ThrowIfNull(link.Scope, nameof(link));
        if (link.Scope.Ids.Count == 0)
        {
            throw new ArgumentException($"Share link '{link.Id}' has a scope without ids.", nameof(link));
        }

        return new BsonDocument
        {
            ["_id"] = link.Id,
            [TokenHash] = NormalizeHash(link.TokenHash),
            [TokenPrefix] = link.TokenPrefix,
            [ScopeKind] = link.Scope.Kind.ToString(),
            [ScopeIds] = new BsonArray(link.Scope.Ids.Select(id => new BsonValue(id))),
            [CreatedAt] = BsonTime.ToBson(link.CreatedAt),
            [ExpiresAt] = BsonTime.ToBson(link.ExpiresAt),
            [RevokedAt] = BsonTime.ToBson(link.RevokedAt),
            [LastUsedAt] = BsonTime.ToBson(link.LastUsedAt),
        };
    }

    public static ShareLink ToLink(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        TokenHash = document[TokenHash].AsString,
        TokenPrefix = document[TokenPrefix].AsString,
        Scope = ReadScope(document),
        CreatedAt = BsonTime.FromBson(document[CreatedAt]),
        ExpiresAt = BsonTime.FromNullableBson(document[ExpiresAt]),
        RevokedAt = BsonTime.FromNullableBson(document[RevokedAt]),
        LastUsedAt = BsonTime.FromNullableBson(document[LastUsedAt]),
    };

    private static ShareScope ReadScope(BsonDocument document)
    {
        if (!document.TryGetValue(ScopeKind, out var kind) || kind.IsNull)
        {
            return ShareScope.ForRun(document[LegacyRunId].AsString);
        }

        return new ShareScope(
            Enum.Parse<ShareScopeKind>(kind.AsString),
            [.. document[ScopeIds].AsArray.Select(id => id.AsString)]);
    }
}
