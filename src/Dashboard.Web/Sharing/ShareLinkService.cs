using Dashboard.Storage;
using Dashboard.Web.Security;

namespace Dashboard.Web.Sharing;

/// <summary>
/// Read-only links to a run, a study group or a comparison of runs. A token comes from <see cref="SecretTokens"/>:
/// only its SHA-256 hash and its first <see cref="PrefixLength"/> characters are stored, so the full link is
/// available once, when it is created.
/// </summary>
public sealed class ShareLinkService(
    IShareLinkStore links,
    IRunStore runs,
    IRunGroupStore groups,
    TimeProvider time,
    ILogger<ShareLinkService> logger)
{
    public const string PathPrefix = "/share/";

    /// <summary>Characters of the token kept in clear text so that users can tell links apart.</summary>
    public const int PrefixLength = 8;

    /// <summary>Maximum number of runs one comparison link may cover.</summary>
    public const int MaxComparisonRuns = 50;

    /// <summary>Time after a recorded use during which further opens are not written, so a busy link costs few writes.</summary>
    public static readonly TimeSpan LastUseInterval = TimeSpan.FromMinutes(1);

    // Serialises read-modify-write of one link, so that recording a use never undoes a revocation.
    private readonly Lock _gate = new();

    /// <summary>
    /// Creates a link to <paramref name="scope"/> and returns it with its token, or null when a run or group of
    /// the scope does not exist. Throws <see cref="ArgumentException"/> for a scope of the wrong size or an
    /// expiry that is not in the future.
    /// </summary>
    public CreatedShareLink? Create(ShareScope scope, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        if (Validate(scope, expiresAt, now) is { } error)
        {
            throw new ArgumentException(error, nameof(scope));
        }

        if (!TargetsExist(scope))
        {
            return null;
        }

        string token = SecretTokens.Create();
        var link = new ShareLink
        {
            Id = Guid.NewGuid().ToString("N"),
            TokenHash = SecretTokens.Hash(token),
            TokenPrefix = token[..PrefixLength],
            Scope = scope,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        links.Insert(link);
        logger.LogInformation("Created share link {LinkId} ({Prefix}…) for {ScopeKind} {ScopeIds}, expiring {ExpiresAt}",
            link.Id, link.TokenPrefix, scope.Kind, string.Join(",", scope.Ids), expiresAt?.ToString("O") ?? "never");
        return new CreatedShareLink(link, token);
    }

    /// <summary>Returns an error message when <paramref name="scope"/> or <paramref name="expiresAt"/> is invalid at <paramref name="now"/>, otherwise null.</summary>
    public static string? Validate(ShareScope scope, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (scope.Ids.Count == 0 || scope.Ids.Any(string.IsNullOrWhiteSpace))
        {
            return "A share scope needs at least one id, and no id may be empty.";
        }

        if (scope.Kind != ShareScopeKind.Comparison && scope.Ids.Count != 1)
        {
            return $"A {scope.Kind.ToString().ToLowerInvariant()} share covers exactly one id; it has {scope.Ids.Count}.";
        }

        if (scope.Kind == ShareScopeKind.Comparison && scope.Ids.Count > MaxComparisonRuns)
        {
            return $"A comparison share covers at most {MaxComparisonRuns} runs; it has {scope.Ids.Count}.";
        }

        if (scope.Ids.Distinct(StringComparer.Ordinal).Count() != scope.Ids.Count)
        {
            return "A comparison share lists each run once.";
        }

        if (expiresAt is { } expires && expires <= now)
        {
            return $"The expiry {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC is not in the future; pick a later time or none.";
        }

        return null;
    }

    /// <summary>
    /// Looks up <paramref name="token"/> and returns whether it opens. Opening an active link records the
    /// time as its last use, at most once per <see cref="LastUseInterval"/>.
    /// </summary>
    public ShareLinkAccess Open(string? token)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return ShareLinkAccess.Unknown;
        }

        string hash = SecretTokens.Hash(token!);
        lock (_gate)
        {
            var link = links.FindByTokenHash(hash);
            if (link is null)
            {
                return ShareLinkAccess.Unknown;
            }

            var now = time.GetUtcNow();
            var state = StateAt(link, now);
            if (state == ShareLinkState.Active && (link.LastUsedAt is not { } used || now - used >= LastUseInterval))
            {
                link.LastUsedAt = now;
                links.Update(link);
            }

            return new ShareLinkAccess(state, link);
        }
    }

    /// <summary>Revokes the link with <paramref name="id"/>; returns it, or null if there is none. Revoking twice keeps the first time.</summary>
    public ShareLink? Revoke(string id)
    {
        lock (_gate)
        {
            var link = links.Find(id);
            if (link is null || link.RevokedAt is not null)
            {
                return link;
            }

            link.RevokedAt = time.GetUtcNow();
            links.Update(link);
            logger.LogInformation("Revoked share link {LinkId} ({Prefix}…) for {ScopeKind} {ScopeIds}",
                link.Id, link.TokenPrefix, link.Scope.Kind, string.Join(",", link.Scope.Ids));
            return link;
        }
    }

    public ShareLink? Find(string id) => links.Find(id);

    /// <summary>Returns every link, newest first.</summary>
    public IReadOnlyList<ShareLink> List() => links.List();

    /// <summary>Returns the links of one run or group, oldest first.</summary>
    public IReadOnlyList<ShareLink> ListFor(ShareScopeKind kind, string id) => links.ListFor(kind, id);

    public ShareLinkState StateAt(ShareLink link, DateTimeOffset now) => link switch
    {
        { RevokedAt: not null } => ShareLinkState.Revoked,
        _ when link.IsExpiredAt(now) => ShareLinkState.Expired,
        _ => ShareLinkState.Active,
    };

    public ShareLinkState StateNow(ShareLink link) => StateAt(link, time.GetUtcNow());

    /// <summary>Whether <paramref name="link"/> lets its holder see <paramref name="runId"/>: the run itself, a member of the group, or a compared run.</summary>
    public bool Covers(ShareLink link, string runId) => link.Scope.Kind switch
    {
        ShareScopeKind.Run or ShareScopeKind.Comparison => link.Scope.Ids.Contains(runId, StringComparer.Ordinal),
        ShareScopeKind.Group => groups.Find(link.Scope.PrimaryId)?.Members.Any(m => m.RunId == runId) == true,
        _ => false,
    };

    private bool TargetsExist(ShareScope scope) => scope.Kind switch
    {
        ShareScopeKind.Group => groups.Find(scope.PrimaryId) is not null,
        _ => scope.Ids.All(id => runs.Find(id) is not null),
    };
}
