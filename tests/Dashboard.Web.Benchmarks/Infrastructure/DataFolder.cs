namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>A new temporary folder for one benchmark's database and files, deleted on dispose.</summary>
public sealed class DataFolder : IDisposable
{
    public DataFolder(string purpose)
    {
        Path = Directory.CreateTempSubdirectory($"dashboard-bench-{purpose}-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete {Path}: {exception.Message}");
        }
    }
}
