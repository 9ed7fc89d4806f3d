namespace Dashboard.Storage;

/// <summary>Share links, each giving read-only access to a run, a group or a comparison. Implementations are thread-safe.</summary>
public interface IShareLinkStore
{
    /// <summary>Adds a link; throws <see cref="InvalidOperationException"/> if its id or token hash is taken.</summary>
    void Insert(ShareLink link);

    ShareLink? Find(string id);

    /// <summary>Returns the link whose token hashes to <paramref name="tokenHash"/> (hex, either case), or null.</summary>
    ShareLink? FindByTokenHash(string tokenHash);

    /// <summary>Returns every link, newest first, including revoked and expired ones.</summary>
    IReadOnlyList<ShareLink> List();

    /// <summary>Returns the links of scope kind <paramref name="kind"/> that cover <paramref name="id"/>, oldest first, including revoked and expired ones.</summary>
    IReadOnlyList<ShareLink> ListFor(ShareScopeKind kind, string id);

    /// <summary>Returns the run's links, oldest first, including revoked and expired ones.</summary>
    IReadOnlyList<ShareLink> ListForRun(string runId);

    /// <summary>Replaces the stored link; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    void Update(ShareLink link);
}
