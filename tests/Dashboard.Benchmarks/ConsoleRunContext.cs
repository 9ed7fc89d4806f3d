using System.Globalization;
using Dashboard.Core.Experiments;

namespace Dashboard.Benchmarks;

/// <summary>
/// Runs an experiment outside the dashboard: logs go to standard output, metrics are kept in memory,
/// artifacts are dropped, and <paramref name="onMetric"/> receives every metric as it is reported.
/// </summary>
internal sealed class ConsoleRunContext(RunEnvironment environment, Action<string, long, double, double> onMetric) : IRunContext
{
    public string RunId { get; } = "benchmark";

    public RunEnvironment Environment { get; } = environment;

    public CancellationToken CancellationToken => CancellationToken.None;

    public void ReportMetric(string metric, long step, double epoch, double value) => onMetric(metric, step, epoch, value);

    public void ReportProgress(double fraction, string phase)
    {
    }

    public void Log(string message)
    {
        string rss = ProcessMemory.ResidentMebibytes() is { } mib ? $"{mib:F0} MiB" : "n/a";
        Console.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}, RSS {rss}] {message}");
    }

    public void SaveArtifact(string name, string contentType, byte[] content) =>
        Log($"Artifact {name} ({content.Length} bytes) not stored by the benchmark.");
}
