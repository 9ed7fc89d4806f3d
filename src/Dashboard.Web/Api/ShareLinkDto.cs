using Dashboard.Storage;
using Dashboard.Web.Sharing;

namespace Dashboard.Web.Api;

/// <summary>A share link as the API returns it. <see cref="Url"/> and <see cref="Token"/> are set only in the response that created it.</summary>
public sealed record ShareLinkDto(
    string Id,
    string Scope,
    IReadOnlyList<string> Ids,
    string TokenPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    string State,
    string? Token = null,
    string? Url = null)
{
    public static ShareLinkDto From(ShareLink link, ShareLinkState state) => new(
        link.Id,
        link.Scope.Kind.ToString().ToLowerInvariant(),
        link.Scope.Ids,
        link.TokenPrefix,
        link.CreatedAt,
        link.ExpiresAt,
        link.RevokedAt,
        link.LastUsedAt,
        state.ToString().ToLowerInvariant());
}

/// <summary>Body of <c>POST /api/v1/shares</c>: the scope (<c>run</c>, <c>group</c> or <c>comparison</c>), its ids, and an optional expiry.</summary>
public sealed record CreateShareBody(string? Scope, IReadOnlyList<string>? Ids, DateTimeOffset? ExpiresAt);
