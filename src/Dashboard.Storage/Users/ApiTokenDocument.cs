using LiteDB;

namespace Dashboard.Storage;

/// <summary>Converts an <see cref="ApiToken"/> to and from its stored BSON document.</summary>
internal static class ApiTokenDocument
{
    public const string UserKey = "UserKey";
    public const string UserName = "UserName";
    public const string Label = "Label";
    public const string TokenHash = "TokenHash";
    public const string TokenPrefix = "TokenPrefix";
    public const string CreatedAt = "CreatedAt";
    public const string RevokedAt = "RevokedAt";
    public const string LastUsedAt = "LastUsedAt";

    public static BsonDocument FromToken(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.Id, nameof(token));
        ArgumentException.ThrowIfNullOrEmpty(token.UserName, nameof(token));
        ArgumentException.ThrowIfNullOrEmpty(token.TokenHash, nameof(token));

        return new BsonDocument
        {
            ["_id"] = token.Id,
            [UserKey] = UserDocument.Key(token.UserName),
            [UserName] = token.UserName,
            [Label] = token.Label,
            [TokenHash] = ShareLinkDocument.NormalizeHash(token.TokenHash),
            [TokenPrefix] = token.TokenPrefix,
            [CreatedAt] = BsonTime.ToBson(token.CreatedAt),
            [RevokedAt] = BsonTime.ToBson(token.RevokedAt),
            [LastUsedAt] = BsonTime.ToBson(token.LastUsedAt),
        };
    }

    public static ApiToken ToToken(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        UserName = document[UserName].AsString,
        Label = document[Label].AsString,
        TokenHash = document[TokenHash].AsString,
        TokenPrefix = document[TokenPrefix].AsString,
        CreatedAt = BsonTime.FromBson(document[CreatedAt]),
        RevokedAt = BsonTime.FromNullableBson(document[RevokedAt]),
        LastUsedAt = BsonTime.FromNullableBson(document[LastUsedAt]),
    };
}
