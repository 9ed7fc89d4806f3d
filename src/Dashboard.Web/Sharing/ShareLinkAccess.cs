using Dashboard.Storage;

namespace Dashboard.Web.Sharing;

/// <summary>Whether a share link opens now.</summary>
public enum ShareLinkState
{
    Active,

    /// <summary>No link has this token, or the token is malformed.</summary>
    Unknown,

    Revoked,
    Expired,
}

/// <summary>The outcome of opening a share token: its state and, unless unknown, the link.</summary>
public sealed record ShareLinkAccess(ShareLinkState State, ShareLink? Link)
{
    public static readonly ShareLinkAccess Unknown = new(ShareLinkState.Unknown, null);

    public bool IsActive => State == ShareLinkState.Active;
}

/// <summary>A link just created, with its token: the only time the token is available.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token)
{
    /// <summary>Path of the shared page, starting with <see cref="ShareLinkService.PathPrefix"/>.</summary>
    public string Path => ShareLinkService.PathPrefix + Token;
}
