using Dashboard.Core.Experiments;

namespace Dashboard.Core.Tests;

/// <summary>A run context that discards every report, for runs that must fail before training.</summary>
public sealed class SilentRunContext : IRunContext
{
    public string RunId => "testrun";

    public RunEnvironment Environment { get; } = new();

    public CancellationToken CancellationToken => CancellationToken.None;

    public void ReportMetric(string metric, long step, double epoch, double value)
    {
    }

    public void ReportProgress(double fraction, string phase)
    {
    }

    public void Log(string message)
    {
    }

    public void SaveArtifact(string name, string contentType, byte[] content)
    {
    }
}
