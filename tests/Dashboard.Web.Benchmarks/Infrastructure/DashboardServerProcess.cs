using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>
/// The dashboard built with this project (the Dashboard.Web apphost in this program's folder) running as a
/// child process on a free loopback port, with its database in <see cref="DataDirectory"/>. The server is
/// measured as its own process, so the load generators in this process do not count towards its memory.
/// </summary>
public sealed partial class DashboardServerProcess : IAsyncDisposable
{
    /// <summary>Time allowed from process start to "Now listening on"; a busy machine can take tens of seconds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Time the server gets to stop its workers and close the database after SIGTERM.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private const int SignalTerminate = 15;

    private static readonly List<DashboardServerProcess> s_running = [];
    private static PosixSignalRegistration[]? s_signalHandlers;

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lastLines = new();

    private DashboardServerProcess(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        DataDirectory = dataDirectory;
        string executable = Path.Combine(AppContext.BaseDirectory, "Dashboard.Web");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The dashboard executable {executable} is missing; build this project first.", executable);
        }

        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };

        // Port 0 lets Kestrel pick a free port, which it prints in its "Now listening on" line.
        startInfo.ArgumentList.Add("--urls=http://127.0.0.1:0");
        startInfo.ArgumentList.Add($"--Storage:DatabasePath={DatabasePath}");
        startInfo.ArgumentList.Add($"--Storage:ArtifactsPath={Path.Combine(dataDirectory, "artifacts")}");
        startInfo.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment.Remove("ASPNETCORE_CONTENTROOT");

        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"{executable} exited with code {_process.ExitCode} before it listened on a port. Last output:{Environment.NewLine}{LastOutput()}"));
        _process.Start();
        Track(this);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Folder with the database and artifacts. The caller owns it; disposing the server does not delete it.</summary>
    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "dashboard.db");

    /// <summary>Address the server listens on, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => _process.Id;

    /// <summary>Starts the server on the database in <paramref name="dataDirectory"/> and waits until it listens.</summary>
    /// <param name="settings">Configuration overrides such as <c>Compute:MaxConcurrentRuns</c>, passed on the command line.</param>
    public static async Task<DashboardServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new DashboardServerProcess(dataDirectory, settings ?? new Dictionary<string, string>());
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public double ResidentMebibytes() => ResidentMemory.Mebibytes(_process.Id);

    public string LastOutput()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    /// <summary>Stops the server with SIGTERM so that it stops its workers and closes the database; kills it after a timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SignalTerminate);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"The dashboard server (PID {_process.Id}) did not stop within {StopTimeout.TotalSeconds:F0} s of SIGTERM; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        Untrack(this);
        _process.Dispose();
    }

    /// <summary>
    /// Records a started server so that SIGTERM or SIGINT to this program kills it and its stand-in workers
    /// before this program ends. Without that they would outlive it.
    /// </summary>
    private static void Track(DashboardServerProcess server)
    {
        lock (s_running)
        {
            s_running.Add(server);
            s_signalHandlers ??=
            [
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, KillRunning),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, KillRunning),
            ];
        }
    }

    private static void Untrack(DashboardServerProcess server)
    {
        lock (s_running)
        {
            s_running.Remove(server);
        }
    }

    /// <summary>Kills every running server's process tree; the signal's default action then ends this program.</summary>
    private static void KillRunning(PosixSignalContext context)
    {
        DashboardServerProcess[] running;
        lock (s_running)
        {
            running = [.. s_running];
        }

        foreach (var server in running)
        {
            try
            {
                server._process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // The server has exited meanwhile.
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
