using LiteDB;

namespace Dashboard.Storage;

/// <summary>Converts a <see cref="DashboardUser"/> to and from its stored BSON document, keyed by the lower-case name.</summary>
internal static class UserDocument
{
    public const string Name = "Name";
    public const string Role = "Role";
    public const string PasswordHash = "PasswordHash";
    public const string CreatedAt = "CreatedAt";

    /// <summary>The document id: the name in lower case, so that names are unique ignoring case under the ordinal collation.</summary>
    public static string Key(string name) => name.ToLowerInvariant();

    public static BsonDocument FromUser(DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Name, nameof(user));
        ArgumentException.ThrowIfNullOrEmpty(user.PasswordHash, nameof(user));

        return new BsonDocument
        {
            ["_id"] = Key(user.Name),
            [Name] = user.Name,
            [Role] = user.Role.ToString(),
            [PasswordHash] = user.PasswordHash,
            [CreatedAt] = BsonTime.ToBson(user.CreatedAt),
        };
    }

    public static DashboardUser ToUser(BsonDocument document) => new()
    {
        Name = document[Name].AsString,
        Role = Enum.Parse<UserRole>(document[Role].AsString),
        PasswordHash = document[PasswordHash].AsString,
        CreatedAt = BsonTime.FromBson(document[CreatedAt]),
    };
}
