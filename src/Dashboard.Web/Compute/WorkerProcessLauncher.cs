using System.Diagnostics;
using Dashboard.Core.Protocol;
using Dashboard.Worker;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>
/// Starts worker processes. By default the worker is this server's own executable started with the
/// <c>worker</c> verb, so a build or a published folder needs nothing else; <see cref="ComputeOptions.WorkerExecutable"/>
/// overrides it.
/// </summary>
public sealed class WorkerProcessLauncher(IOptionsMonitor<ComputeOptions> options, ILogger<WorkerProcessLauncher> logger)
{
    /// <summary>Starts the worker of <paramref name="runId"/>; each line it prints goes to <paramref name="onOutput"/>.</summary>
    public Process Start(string runId, string token, Uri serverUrl, Action<string> onOutput)
    {
        var settings = options.CurrentValue;
        var (fileName, prefix) = ResolveCommand(settings);

        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string argument in prefix)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add(WorkerCommandLine.Verb);
        startInfo.ArgumentList.Add("--server");
        startInfo.ArgumentList.Add(serverUrl.ToString());
        startInfo.ArgumentList.Add("--run");
        startInfo.ArgumentList.Add(runId);

        startInfo.Environment[RunsHubContract.WorkerTokenVariable] = token;

        // The web build enables server GC, which would reserve memory per core in every worker.
        startInfo.Environment["DOTNET_gcServer"] = "0";
        if (settings.TorchThreads > 0)
        {
            string threads = settings.TorchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
            startInfo.Environment["OMP_NUM_THREADS"] = threads;
            startInfo.Environment["MKL_NUM_THREADS"] = threads;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(runId, e.Data, onOutput);
        process.ErrorDataReceived += (_, e) => Forward(runId, e.Data, onOutput);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Returns the executable and leading arguments that start a worker.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) ResolveCommand(ComputeOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.WorkerExecutable))
        {
            return (settings.WorkerExecutable, []);
        }

        string assembly = typeof(WorkerProcessLauncher).Assembly.Location;
        string directory = Path.GetDirectoryName(assembly)!;
        string appHost = Path.Combine(directory, Path.GetFileNameWithoutExtension(assembly));
        if (File.Exists(appHost))
        {
            return (appHost, []);
        }

        // No apphost next to the assembly (for example when a test host loaded it): run it with dotnet.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath
            ? hostPath
            : Environment.ProcessPath is { } processPath && Path.GetFileNameWithoutExtension(processPath) == "dotnet"
                ? processPath
                : "dotnet";
        return (dotnet, [assembly]);
    }

    private void Forward(string runId, string? line, Action<string> onOutput)
    {
        if (line is null)
        {
            return;
        }

        ComputeLog.WorkerOutput(logger, runId, line);
        onOutput(line);
    }
}
