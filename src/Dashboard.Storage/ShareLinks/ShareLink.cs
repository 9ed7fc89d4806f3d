namespace Dashboard.Storage;

/// <summary>A link that lets anyone holding its token view one run. The token itself is never stored.</summary>
public sealed record ShareLink
{
    public required string Id { get; init; }

    /// <summary>SHA-256 hash of the token as hex; stored in lower case.</summary>
    public required string TokenHash { get; init; }

    /// <summary>First 6 characters of the token, so a user can tell links apart.</summary>
    public required string TokenPrefix { get; init; }

    public required string RunId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
