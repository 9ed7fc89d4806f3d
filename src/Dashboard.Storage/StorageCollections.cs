namespace Dashboard.Storage;

/// <summary>Names of the LiteDB collections in the run database.</summary>
internal static class StorageCollections
{
    public const string Runs = "runs";

    public const string MetricChunks = "metric_chunks";

    /// <summary>One entry per (run, metric) with its point count and last chunk.</summary>
    public const string MetricSeries = "metric_series";

    public const string LogChunks = "log_chunks";

    public const string ShareLinks = "share_links";

    public const string RunGroups = "run_groups";

    /// <summary>Dashboard users, keyed by the lower-case name.</summary>
    public const string Users = "users";

    public const string ApiTokens = "api_tokens";

    /// <summary>Bookkeeping documents of the storage itself, such as the start-up write check.</summary>
    public const string Meta = "storage_meta";
}
