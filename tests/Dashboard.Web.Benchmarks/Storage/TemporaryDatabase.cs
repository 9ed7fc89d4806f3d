using Dashboard.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Benchmarks.Storage;

/// <summary>A LiteDB file with the dashboard's storage settings in a new temporary folder, deleted on dispose.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase(string purpose)
    {
        Folder = Directory.CreateTempSubdirectory($"dashboard-bench-{purpose}-").FullName;
        Storage = new LiteDbStorage(
            new StorageOptions
            {
                DatabasePath = Path.Combine(Folder, "dashboard.db"),
                ArtifactsPath = Path.Combine(Folder, "artifacts"),
            },
            NullLogger<LiteDbStorage>.Instance);
    }

    public string Folder { get; }

    public LiteDbStorage Storage { get; }

    public void Dispose()
    {
        Storage.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
