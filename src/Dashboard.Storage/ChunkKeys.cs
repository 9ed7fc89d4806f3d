using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Builds the string <c>_id</c> keys of chunk documents: the run id, then the series name, then the block
/// ordinal as nine digits, joined by <c>:</c>. Under the database's ordinal collation the <c>_id</c> index
/// then keeps a run's chunks together, grouped by series and in block order, so reads are index range scans.
/// Run ids must not contain <c>:</c>, and metric names cannot (see <c>MetricNames.Rule</c>).
/// </summary>
internal static class ChunkKeys
{
    private const char Separator = ':';

    /// <summary>The character after <see cref="Separator"/>; "prefix;" is the smallest string above every "prefix:…" key.</summary>
    private const char AfterSeparator = ';';

    public static string Prefix(params string[] parts) => string.Join(Separator, parts) + Separator;

    public static string Key(string prefix, int block) => prefix + block.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns a predicate matching every <c>_id</c> that starts with <paramref name="prefix"/>.</summary>
    public static BsonExpression StartingWith(string prefix) =>
        Query.Between("_id", prefix, prefix[..^1] + AfterSeparator);

    /// <summary>Throws if <paramref name="runId"/> is empty or contains the key separator.</summary>
    public static void ValidateRunId(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (runId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Run id '{runId}' is invalid: it must not contain '{Separator}'.", nameof(runId));
        }
    }
}
