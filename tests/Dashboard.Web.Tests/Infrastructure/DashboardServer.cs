using System.Net.Http.Json;
using Dashboard.Core.Protocol;
using Dashboard.Storage;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a loopback Kestrel port, with its database and artifacts in a temporary folder
/// and workers started as real processes. Settings override appsettings.json.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    public const string FashionMnistPath = "/usr/share/datasets/fashion-mnist";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Replaces application services, for example the <see cref="TimeProvider"/>; runs after the app's own registrations.</param>
    public DashboardServer(IDictionary<string, string?>? settings = null, string? dataDirectory = null, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DatabasePath"] = Path.Combine(DataDirectory, "dashboard.db"),
            ["Storage:ArtifactsPath"] = Path.Combine(DataDirectory, "artifacts"),
            ["Datasets:fashion-mnist"] = FashionMnistPath,
            ["Compute:HeartbeatIntervalSeconds"] = "0.5",
            ["Compute:HeartbeatTimeoutSeconds"] = "60",
            ["Compute:CancelGraceSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Launches a run through the HTTP API and returns it; fails the test if the API rejects it.</summary>
    public async Task<RunDto> LaunchAsync(string configurationJson, string? name = null)
    {
        using var client = CreateClient();
        string body = $$"""{"kind":"backdoor","name":{{System.Text.Json.JsonSerializer.Serialize(name)}},"configuration":{{configurationJson}}}""";
        using var response = await client.PostAsync("/api/v1/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Launch failed with {(int)response.StatusCode}: {text}");
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    public async Task<RunDto> GetRunAsync(string id)
    {
        using var client = CreateClient();
        return (await client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{id}", ApiJson.Options))!;
    }

    /// <summary>Polls the API until the run satisfies <paramref name="condition"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task<RunDto> WaitForRunAsync(string id, Func<RunDto, bool> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        RunDto run;
        do
        {
            run = await GetRunAsync(id);
            if (condition(run))
            {
                return run;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Run {id} did not reach '{description}' within {timeout.TotalSeconds:F0} s; it is {run.Status} ({run.Phase}), error: {run.Error}");
    }

    public long CountPoints(string runId) => Service<IMetricStore>().CountPoints(runId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            TryDelete(DataDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
