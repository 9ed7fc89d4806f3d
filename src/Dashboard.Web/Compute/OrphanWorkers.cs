using System.Diagnostics;

namespace Dashboard.Web.Compute;

/// <summary>
/// Stops worker processes left behind by a server that died. A process is only killed if its command line
/// (from /proc, so Linux only) shows it is the worker of that run, which guards against a reused process id.
/// </summary>
public sealed class OrphanWorkers(ILogger<OrphanWorkers> logger)
{
    public bool TryStop(int processId, string runId)
    {
        string commandLinePath = $"/proc/{processId}/cmdline";
        if (!OperatingSystem.IsLinux() || !File.Exists(commandLinePath))
        {
            return false;
        }

        string[] arguments;
        try
        {
            arguments = File.ReadAllText(commandLinePath).Split('\0');
        }
        catch (IOException)
        {
            return false;
        }

        bool isWorkerOfRun = arguments.Contains(Dashboard.Worker.WorkerCommandLine.Verb) && arguments.Contains(runId);
        if (!isWorkerOfRun)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            ComputeLog.OrphanStopped(logger, processId, runId);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The process ended between the check and the kill.
            return false;
        }
    }
}
