namespace Dashboard.Storage;

/// <summary>
/// Field names of a metric series entry: one small document per (run, metric) with its point count and last
/// block, kept in the same transaction as the chunks. Listing metrics, counting points and finding the open
/// chunk then read these entries instead of the chunks. The <c>_id</c> is <c>{runId}:{metric}:</c>.
/// </summary>
internal static class MetricSeriesDocument
{
    public const string RunId = "RunId";
    public const string Metric = "Metric";
    public const string Points = "Points";
    public const string LastBlock = "LastBlock";
}
