namespace Dashboard.Storage;

/// <summary>A bearer token that lets a script act as its user. The token itself is never stored.</summary>
public sealed record ApiToken
{
    public required string Id { get; init; }

    /// <summary>Name of the user the token acts for.</summary>
    public required string UserName { get; init; }

    /// <summary>Label the user gave the token, such as the script or machine that uses it.</summary>
    public required string Label { get; init; }

    /// <summary>SHA-256 hash of the token as hex; stored in lower case.</summary>
    public required string TokenHash { get; init; }

    /// <summary>First characters of the token, so a user can tell tokens apart.</summary>
    public required string TokenPrefix { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
