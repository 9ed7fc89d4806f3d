using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Web.Api;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The built dashboard executable (copied into this test project's output) running as a child process on a free
/// loopback port, with its database and artifacts in <see cref="DataDirectory"/>. Tests can kill it with SIGKILL and
/// start another on the same folder. Disposing kills it and the workers it started, if still alive.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServerProcess(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        DataDirectory = dataDirectory;
        string executable = Path.Combine(AppContext.BaseDirectory, "Dashboard.Web");
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        startInfo.ArgumentList.Add("--urls=http://127.0.0.1:0");
        startInfo.ArgumentList.Add($"--Storage:DatabasePath={Path.Combine(dataDirectory, "dashboard.db")}");
        startInfo.ArgumentList.Add($"--Storage:ArtifactsPath={Path.Combine(dataDirectory, "artifacts")}");
        startInfo.ArgumentList.Add($"--Datasets:fashion-mnist={DashboardServer.FashionMnistPath}");
        foreach (var (key, value) in settings)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment.Remove("ASPNETCORE_URLS");

        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The server exited before it listened: {Output()}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts a server on <paramref name="dataDirectory"/> and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerProcess(dataDirectory, settings ?? new Dictionary<string, string>());
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) };

    public async Task<RunDto> GetRunAsync(string id)
    {
        using var client = CreateClient();
        return (await client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{id}", ApiJson.Options))!;
    }

    /// <summary>Returns the ids of this server's live child processes: its workers.</summary>
    public IReadOnlyList<int> ChildProcessIds()
    {
        var children = new List<int>();
        foreach (string directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int id))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (name) state ppid ..."; the name may contain spaces, so parse after the last ')'.
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == _process.Id && Processes.IsAlive(id))
                {
                    children.Add(id);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return children;
    }

    /// <summary>Kills the server with SIGKILL, giving it no chance to stop workers or close the database, and waits for it to exit.</summary>
    public void KillHard()
    {
        Processes.Signal(_process.Id, "KILL");
        _process.WaitForExit();
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(60));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            var workers = ChildProcessIds();
            _process.Kill();
            _process.WaitForExit();
            foreach (int worker in workers.Where(Processes.IsAlive))
            {
                Processes.Signal(worker, "KILL");
            }
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
