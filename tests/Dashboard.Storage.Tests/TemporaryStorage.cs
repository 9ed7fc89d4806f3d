using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Storage.Tests;

/// <summary>A real LiteDB file in a new temporary folder, deleted with the folder on dispose.</summary>
public sealed class TemporaryStorage : IDisposable
{
    public TemporaryStorage(int metricPointsPerChunk = 1024, int logLinesPerChunk = 256)
    {
        Folder = Path.Combine(Path.GetTempPath(), "dashboard-storage-tests", Guid.NewGuid().ToString("N"));
        Options = new StorageOptions
        {
            DatabasePath = Path.Combine(Folder, "dashboard.db"),
            ArtifactsPath = Path.Combine(Folder, "artifacts"),
            MetricPointsPerChunk = metricPointsPerChunk,
            LogLinesPerChunk = logLinesPerChunk,
        };
        Storage = Open();
    }

    public string Folder { get; }

    public StorageOptions Options { get; }

    public LiteDbStorage Storage { get; private set; }

    /// <summary>Closes the database and opens a new instance on the same file, as a server restart does.</summary>
    public void Reopen()
    {
        Storage.Dispose();
        Storage = Open();
    }

    public void Dispose()
    {
        Storage.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private LiteDbStorage Open() => new(Options, NullLogger<LiteDbStorage>.Instance);
}
