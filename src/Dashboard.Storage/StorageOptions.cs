namespace Dashboard.Storage;

/// <summary>Settings bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>LiteDB data file. A relative path is resolved against the host's content root.</summary>
    public string DatabasePath { get; set; } = "data/dashboard.db";

    /// <summary>Folder with one sub-folder of artifact files per run. A relative path is resolved like <see cref="DatabasePath"/>.</summary>
    public string ArtifactsPath { get; set; } = "data/artifacts";

    /// <summary>Upper bound of <see cref="MetricPointsPerChunk"/>: 65,536 points of 32 bytes make a 2 MB document.</summary>
    public const int MaxMetricPointsPerChunk = 65_536;

    /// <summary>Upper bound of <see cref="LogLinesPerChunk"/>, which keeps a chunk of maximum-length lines below LiteDB's 16 MB document limit.</summary>
    public const int MaxLogLinesPerChunk = 256;

    /// <summary>Maximum number of metric points in one stored chunk document.</summary>
    public int MetricPointsPerChunk { get; set; } = 1024;

    /// <summary>Maximum number of log lines in one stored chunk document.</summary>
    public int LogLinesPerChunk { get; set; } = 256;

    /// <summary>Turns relative paths into absolute ones under <paramref name="baseDirectory"/>; absolute paths stay as they are.</summary>
    public void ResolvePaths(string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);

        DatabasePath = Path.GetFullPath(DatabasePath, Path.GetFullPath(baseDirectory));
        ArtifactsPath = Path.GetFullPath(ArtifactsPath, Path.GetFullPath(baseDirectory));
    }
}
