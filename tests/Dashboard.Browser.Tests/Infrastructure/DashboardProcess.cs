using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>
/// The dashboard executable running as a child process on a free loopback port, with its database and
/// artifacts in a temporary folder. Disposing stops it and every worker process it started.
/// </summary>
public sealed partial class DashboardProcess : IDisposable
{
    /// <summary>Time allowed from process start to "Now listening on"; generous for a loaded two-core machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Time the server gets to stop its workers and close the database after SIGTERM.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ProcessIdentity _identity;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    private DashboardProcess(string executable, string dataDirectory, IReadOnlyList<string> arguments)
    {
        Executable = executable;
        DataDirectory = dataDirectory;

        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };

        // Port 0 lets Kestrel pick a free port, which it prints in its "Now listening on" line.
        startInfo.ArgumentList.Add("--urls=http://127.0.0.1:0");
        startInfo.ArgumentList.Add($"--Storage:DatabasePath={Path.Combine(dataDirectory, "dashboard.db")}");
        startInfo.ArgumentList.Add($"--Storage:ArtifactsPath={Path.Combine(dataDirectory, "artifacts")}");
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Production is what a user and the systemd unit get; a developer's shell must not change it.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment.Remove("ASPNETCORE_CONTENTROOT");

        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"{executable} exited with code {_process.ExitCode} before it listened on a port."));

        _process.Start();
        _identity = ProcessTree.Find(_process.Id) ?? new ProcessIdentity(_process.Id, 0);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Executable { get; }

    /// <summary>Temporary folder with the database and artifacts; deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The last 60 lines the server printed.</summary>
    public LogTail Log { get; } = new(60);

    /// <summary>Address the server listens on, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => _process.Id;

    /// <summary>Content root the server reported ("Content root path: ..."), or null before it has.</summary>
    public string? ContentRoot { get; private set; }

    /// <summary>Starts <paramref name="executable"/> and waits until it listens; fails with its output if it does not.</summary>
    /// <param name="arguments">Further command-line settings, such as <c>--Authentication:RequireSignIn=true</c>.</param>
    /// <param name="prepareDataDirectory">Runs on the new data folder before the server starts, for example to add users.</param>
    public static async Task<DashboardProcess> StartAsync(
        string executable,
        IReadOnlyList<string>? arguments = null,
        Func<string, Task>? prepareDataDirectory = null)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The dashboard executable {executable} is missing; build or publish src/Dashboard.Web first.", executable);
        }

        string dataDirectory = Directory.CreateTempSubdirectory("dashboard-browser-test-").FullName;
        if (prepareDataDirectory is not null)
        {
            await prepareDataDirectory(dataDirectory);
        }

        var server = new DashboardProcess(executable, dataDirectory, arguments ?? []);
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            string details = server.Describe($"{executable} to print 'Now listening on' within {StartTimeout.TotalSeconds:F0} s");
            server.Dispose();
            throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}{details}", exception);
        }
    }

    /// <summary>Creates a client for the server's HTTP API.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Returns a failure message: what was expected, the server and its last log lines.</summary>
    public string Describe(string expectation) =>
        $"""
        Expected {expectation}.
        Server: {Executable} (PID {_process.Id}) at {BaseAddress}, data in {DataDirectory}.
        Last server log lines:
        {Log.Text()}
        """;

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not hide the test's result; the folder is in the temp folder.
        }
    }

    /// <summary>
    /// Stops the server with SIGTERM so that it stops its workers and closes the database, and kills it after
    /// <see cref="StopTimeout"/>. Workers it started are killed afterwards if they outlived it.
    /// </summary>
    private void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var workers = ProcessTree.Descendants(_identity);
        ProcessTree.Signal(_identity, ProcessTree.SignalTerminate);
        if (!_process.WaitForExit(StopTimeout))
        {
            workers.AddRange(ProcessTree.Descendants(_identity));
            ProcessTree.Signal(_identity, ProcessTree.SignalKill);
            _process.WaitForExit(StopTimeout);
        }

        foreach (var worker in workers)
        {
            ProcessTree.Signal(worker, ProcessTree.SignalKill);
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        Log.Add(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
        else if (ContentRootLine().Match(line) is { Success: true } contentRoot)
        {
            ContentRoot = contentRoot.Groups["path"].Value.Trim();
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Content root path: (?<path>.+)$")]
    private static partial Regex ContentRootLine();
}
