namespace Dashboard.Storage;

/// <summary>A link that lets anyone holding its token view a run, a group or a comparison. The token itself is never stored.</summary>
public sealed record ShareLink
{
    public required string Id { get; init; }

    /// <summary>SHA-256 hash of the token as hex; stored in lower case.</summary>
    public required string TokenHash { get; init; }

    /// <summary>First characters of the token, so a user can tell links apart.</summary>
    public required string TokenPrefix { get; init; }

    public required ShareScope Scope { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time from which the link no longer opens; null for a link that never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}
