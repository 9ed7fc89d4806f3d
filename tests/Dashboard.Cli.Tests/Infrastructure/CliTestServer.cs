using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dashboard.Cli.Tests.Infrastructure;

/// <summary>
/// The real dashboard on a loopback Kestrel port, with its database and artifacts in a temporary folder and
/// workers started as real processes, for the command-line client to talk to. Settings override appsettings.json.
/// </summary>
public sealed class CliTestServer : WebApplicationFactory<Program>
{
    public const string FashionMnistPath = "/usr/share/datasets/fashion-mnist";

    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly Dictionary<string, string?> _settings;

    public CliTestServer(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("dashboard-cli-test-").FullName;
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

    /// <summary>The server's address, as passed to <c>--server</c>.</summary>
    public string Address
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress.ToString();
        }
    }

    /// <summary>Reads a run through the HTTP API as a JSON document.</summary>
    public async Task<JsonElement> GetRunAsync(string id)
    {
        using var client = CreateClient();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}", Json);
    }

    /// <summary>Polls the API until the run's status is one of <paramref name="statuses"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, TimeSpan timeout, params RunStatus[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement run;
        do
        {
            run = await GetRunAsync(id);
            if (statuses.Any(s => s.ToString() == run.GetProperty("status").GetString()))
            {
                return run;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Run {id} did not reach {string.Join(" or ", statuses)} within {timeout.TotalSeconds:F0} s; it is {run}.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RunsHubContract.ConfigureJson(options);
        return options;
    }
}
