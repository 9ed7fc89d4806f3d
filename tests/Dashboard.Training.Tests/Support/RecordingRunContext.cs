using Dashboard.Core.Experiments;

namespace Dashboard.Training.Tests.Support;

public sealed record RecordedMetric(string Metric, long Step, double Epoch, double Value);

/// <summary>An <see cref="IRunContext"/> that keeps everything a run reports in memory.</summary>
public sealed class RecordingRunContext(RunEnvironment environment, CancellationToken cancellationToken = default) : IRunContext
{
    public string RunId { get; } = "test-run";

    public RunEnvironment Environment { get; } = environment;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<RecordedMetric> Metrics { get; } = [];

    public List<(double Fraction, string Phase)> Progress { get; } = [];

    public List<string> Logs { get; } = [];

    public Dictionary<string, (string ContentType, byte[] Content)> Artifacts { get; } = [];

    /// <summary>Called on the training thread after each metric is recorded.</summary>
    public Action<RecordedMetric>? OnMetric { get; init; }

    public void ReportMetric(string metric, long step, double epoch, double value)
    {
        var point = new RecordedMetric(metric, step, epoch, value);
        Metrics.Add(point);
        OnMetric?.Invoke(point);
    }

    public void ReportProgress(double fraction, string phase) => Progress.Add((fraction, phase));

    public void Log(string message) => Logs.Add(message);

    /// <summary>Number of metric points recorded before each artifact was saved, to check when in a run it was saved.</summary>
    public Dictionary<string, int> MetricsBeforeArtifact { get; } = [];

    public void SaveArtifact(string name, string contentType, byte[] content)
    {
        Artifacts[name] = (contentType, content);
        MetricsBeforeArtifact[name] = Metrics.Count;
    }

    public IReadOnlyList<RecordedMetric> Series(string metric) => [.. Metrics.Where(m => m.Metric == metric)];
}
