using System.Security.Cryptography;
using System.Text;
using Dashboard.Storage;

namespace Dashboard.Web.Sharing;

/// <summary>
/// Read-only links to a run's result page. A token is 256 random bits from the system's cryptographic
/// generator. Only its SHA-256 hash is stored, so the full link is available once, when it is created.
/// </summary>
public sealed class ShareLinkService(IShareLinkStore links, IRunStore runs, TimeProvider time)
{
    public const string PathPrefix = "/share/";

    /// <summary>Creates a link for <paramref name="runId"/> and returns its token; null if the run does not exist.</summary>
    public string? Create(string runId, TimeSpan? lifetime = null)
    {
        if (runs.Find(runId) is null)
        {
            return null;
        }

        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        links.Insert(new ShareLink
        {
            Id = Guid.NewGuid().ToString("N"),
            TokenHash = Hash(token),
            TokenPrefix = token[..6],
            RunId = runId,
            CreatedAt = now,
            ExpiresAt = lifetime is { } span ? now + span : null,
        });
        return token;
    }

    /// <summary>Returns the run id a token grants access to, or null for an unknown, revoked or expired token.</summary>
    public string? Resolve(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var link = links.FindByTokenHash(Hash(token));
        var now = time.GetUtcNow();
        if (link is null || link.RevokedAt is not null || link.ExpiresAt <= now)
        {
            return null;
        }

        link.LastUsedAt = now;
        links.Update(link);
        return link.RunId;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
