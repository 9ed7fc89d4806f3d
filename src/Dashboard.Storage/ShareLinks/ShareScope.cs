namespace Dashboard.Storage;

/// <summary>What a share link shows: one run, one study group, or a comparison of several runs.</summary>
public enum ShareScopeKind
{
    Run,
    Group,
    Comparison,
}

/// <summary>
/// The target of a share link: a kind and the ids it covers. A run or group scope has exactly one id; a
/// comparison scope lists its runs in the order they are compared.
/// </summary>
public sealed record ShareScope(ShareScopeKind Kind, IReadOnlyList<string> Ids)
{
    public static ShareScope ForRun(string runId) => new(ShareScopeKind.Run, [runId]);

    public static ShareScope ForGroup(string groupId) => new(ShareScopeKind.Group, [groupId]);

    public static ShareScope ForComparison(IEnumerable<string> runIds) => new(ShareScopeKind.Comparison, [.. runIds]);

    /// <summary>The run or group id of a run or group scope; the first run of a comparison.</summary>
    public string PrimaryId => Ids[0];

    public bool Equals(ShareScope? other) =>
        other is not null && Kind == other.Kind && Ids.SequenceEqual(other.Ids, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Ids.Count, Ids.Count > 0 ? Ids[0] : null);
}
