using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "dashboard-storage-tests", Guid.NewGuid().ToString("N"));

    public StorageServiceCollectionExtensionsTests()
    {
        Directory.CreateDirectory(_contentRoot);
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public void AddStorage_NoSettings_UsesDefaultPaths()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(Path.Combine(_contentRoot, "data", "dashboard.db"), options.DatabasePath);
        Assert.Equal(Path.Combine(_contentRoot, "data", "artifacts"), options.ArtifactsPath);
    }

    [Fact]
    public void AddStorage_RelativeSettings_ResolvesAgainstContentRoot()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = "state/runs.db",
            ["Storage:ArtifactsPath"] = "files",
            ["Storage:MetricPointsPerChunk"] = "512",
        });

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(Path.Combine(_contentRoot, "state", "runs.db"), options.DatabasePath);
        Assert.Equal(Path.Combine(_contentRoot, "files"), options.ArtifactsPath);
        Assert.Equal(512, options.MetricPointsPerChunk);
    }

    [Fact]
    public void AddStorage_AbsoluteSetting_KeepsPath()
    {
        string absolute = Path.Combine(_contentRoot, "elsewhere", "runs.db");
        using var provider = Build(new Dictionary<string, string?> { ["Storage:DatabasePath"] = absolute });

        Assert.Equal(absolute, provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
    }

    [Fact]
    public async Task AddStorage_Start_CreatesDatabaseAndFolder()
    {
        using var provider = Build(new Dictionary<string, string?>());

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "dashboard.db")));
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, "data", "artifacts")));
    }

    [Fact]
    public async Task AddStorage_UnwritablePath_FailsStart()
    {
        File.WriteAllText(Path.Combine(_contentRoot, "blocker"), "a file where a folder is expected");
        using var provider = Build(new Dictionary<string, string?> { ["Storage:DatabasePath"] = "blocker/runs.db" });
        var startup = provider.GetServices<IHostedService>().Single();

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => startup.StartAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(_contentRoot, "blocker", "runs.db"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStorage_Stores_ShareOneDatabase()
    {
        using var provider = Build(new Dictionary<string, string?>());
        var runs = provider.GetRequiredService<IRunStore>();
        var metrics = provider.GetRequiredService<IMetricStore>();

        runs.Insert(SampleRuns.Create("run1"));
        metrics.Append("run1", [SampleMetrics.Batch("train/loss", 0, 10)]);

        Assert.Same(provider.GetRequiredService<LiteDbStorage>(), provider.GetRequiredService<LiteDbStorage>());
        Assert.NotNull(provider.GetRequiredService<IRunStore>().Find("run1"));
        Assert.Equal(10, provider.GetRequiredService<IMetricStore>().CountPoints("run1"));
        Assert.NotNull(provider.GetRequiredService<IRunLogStore>());
        Assert.NotNull(provider.GetRequiredService<IShareLinkStore>());
        Assert.NotNull(provider.GetRequiredService<IArtifactStore>());
    }

    [Fact]
    public void AddStorage_ProviderDispose_ClosesDatabase()
    {
        var provider = Build(new Dictionary<string, string?>());
        var storage = provider.GetRequiredService<LiteDbStorage>();

        provider.Dispose();

        Assert.False(storage.IsHealthy());
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddStorage(configuration, _contentRoot);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
