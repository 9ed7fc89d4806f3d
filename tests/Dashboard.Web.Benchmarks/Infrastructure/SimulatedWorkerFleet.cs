using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Protocol;
using Dashboard.Worker;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>
/// Runs whose workers report synthetic metrics through the path real workers use. Each run is launched with
/// <c>POST /api/v1/runs</c>, and the server's compute service starts its worker process with the run token in the
/// environment. That process is a small shell script (set as <c>Compute:WorkerExecutable</c>) that hands the
/// run id and token to this program and then waits. This program then attaches a <see cref="WorkerRunContext"/>
/// per run, the worker's own reporting class, over its own SignalR connection to <c>/hubs/runs</c>. Reports
/// are therefore buffered, split and sent exactly as in a worker process, without starting 50 .NET processes.
/// </summary>
public sealed class SimulatedWorkerFleet : IAsyncDisposable
{
    private const string AttachFileName = "attached-workers.txt";
    private const string StopFileName = "stop-workers";

    private readonly DashboardServerProcess _server;
    private readonly HttpClient _http;
    private readonly List<SimulatedWorker> _workers = [];

    private SimulatedWorkerFleet(DashboardServerProcess server)
    {
        _server = server;
        _http = server.CreateClient();
    }

    public IReadOnlyList<SimulatedWorker> Workers => _workers;

    /// <summary>
    /// Returns the server settings that make the compute service start the stand-in worker script for up to
    /// <paramref name="maxRuns"/> runs at once. The script is written into <paramref name="dataDirectory"/>.
    /// </summary>
    public static Dictionary<string, string> ServerSettings(string dataDirectory, int maxRuns)
    {
        string script = Path.Combine(dataDirectory, "stand-in-worker.sh");
        string attachFile = Path.Combine(dataDirectory, AttachFileName);
        string stopFile = Path.Combine(dataDirectory, StopFileName);

        // The server starts "SCRIPT worker --server URL --run RUN_ID" with the token in DASHBOARD_RUN_TOKEN.
        // The script records both and waits until the benchmark creates the stop file, the server kills it,
        // or the server has exited.
        File.WriteAllText(script, $"""
            #!/bin/sh
            echo "$5 ${RunsHubContract.WorkerTokenVariable}" >> '{attachFile}'
            while [ ! -e '{stopFile}' ] && kill -0 "$PPID" 2>/dev/null; do sleep 1; done

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        return new Dictionary<string, string>
        {
            ["Compute:WorkerExecutable"] = script,
            ["Compute:MaxConcurrentRuns"] = maxRuns.ToString(CultureInfo.InvariantCulture),
            ["Compute:HeartbeatTimeoutSeconds"] = "600",
        };
    }

    /// <summary>Launches <paramref name="runs"/> runs and attaches a reporting context to each.</summary>
    public static async Task<SimulatedWorkerFleet> StartAsync(DashboardServerProcess server, int runs)
    {
        var fleet = new SimulatedWorkerFleet(server);
        try
        {
            var runIds = new List<string>();
            for (int i = 0; i < runs; i++)
            {
                runIds.Add(await fleet.LaunchAsync($"load {i + 1}"));
            }

            var tokens = await fleet.WaitForWorkerTokensAsync(runIds);
            foreach (string runId in runIds)
            {
                fleet._workers.Add(await SimulatedWorker.AttachAsync(server.BaseAddress, runId, tokens[runId], fleet._http));
            }

            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        // Lets every stand-in script exit; the server then ends their runs.
        await File.WriteAllTextAsync(Path.Combine(_server.DataDirectory, StopFileName), "");
        _http.Dispose();
    }

    private async Task<string> LaunchAsync(string name)
    {
        string body = JsonSerializer.Serialize(new { kind = "backdoor", name });
        using var response = await _http.PostAsync("api/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Launching a run failed with HTTP {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()
            ?? throw new InvalidOperationException($"The launch response has no run id: {text}");
    }

    private async Task<Dictionary<string, string>> WaitForWorkerTokensAsync(IReadOnlyCollection<string> runIds)
    {
        string attachFile = Path.Combine(_server.DataDirectory, AttachFileName);
        var deadline = Stopwatch.StartNew();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (File.Exists(attachFile))
            {
                foreach (string line in await File.ReadAllLinesAsync(attachFile))
                {
                    string[] parts = line.Split(' ', 2);
                    if (parts.Length == 2)
                    {
                        tokens[parts[0]] = parts[1];
                    }
                }
            }

            if (runIds.All(tokens.ContainsKey))
            {
                return tokens;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"Only {runIds.Count(tokens.ContainsKey)} of {runIds.Count} stand-in workers started within 2 minutes. Server output:{Environment.NewLine}{_server.LastOutput()}");
    }
}

/// <summary>One run's reporting side: a SignalR connection attached with the run token and the worker's <see cref="WorkerRunContext"/>.</summary>
public sealed class SimulatedWorker : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private SimulatedWorker(string runId, HubConnection connection, WorkerRunContext context)
    {
        RunId = runId;
        _connection = connection;
        Context = context;
    }

    public string RunId { get; }

    /// <summary>The worker's reporting context; <see cref="WorkerRunContext.ReportMetric"/> is the call a training loop makes.</summary>
    public WorkerRunContext Context { get; }

    public static async Task<SimulatedWorker> AttachAsync(Uri server, string runId, string token, HttpClient http)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, RunsHubContract.Path.TrimStart('/')))
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        var assignment = await connection.InvokeAsync<WorkerAssignment>(RunsHubContract.AttachWorker, runId, token);

        var context = new WorkerRunContext(assignment, connection, http, server, token, NullLogger.Instance);
        context.Start();
        return new SimulatedWorker(runId, connection, context);
    }

    /// <summary>Sends everything still buffered, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.FlushAndStopAsync();
        }
        catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"Final flush of run {RunId} failed: {exception.Message}");
        }

        await Context.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
