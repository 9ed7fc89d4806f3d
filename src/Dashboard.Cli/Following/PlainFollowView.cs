using System.Globalization;
using Dashboard.Cli.Output;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Following;

/// <summary>
/// One line per update on standard output, for job scripts and logs: status changes, progress in whole percent,
/// and each metrics message as <c>step N epoch E name=value ...</c>. Notices and failure messages go to standard error.
/// </summary>
internal sealed class PlainFollowView(CliConsole console) : IFollowView
{
    private string? _lastProgress;

    public Task<int> ShowAsync(Func<Task<int>> follow) => follow();

    public void Started(FollowState state)
    {
        var run = state.Run!;
        console.Out.WriteLine($"Following run {run.RunId} \"{run.Name}\" ({run.Kind}): {run.Status}");
        WriteProgress(run);
        if (state.Latest.Count > 0)
        {
            WriteMetrics(state, [.. state.Latest.Select(pair => (pair.Key, pair.Value))]);
        }
    }

    public void StatusChanged(FollowState state, RunStatusMessage? previous)
    {
        var run = state.Run!;
        if (previous?.Status != run.Status && !run.Status.IsFinal())
        {
            console.Out.WriteLine(run.Device is { Length: > 0 } device ? $"status {run.Status} on {device}" : $"status {run.Status}");
        }

        WriteProgress(run);
    }

    public void MetricsReceived(FollowState state, IReadOnlyList<(string Metric, MetricPoint Point)> updated) => WriteMetrics(state, updated);

    public void Notice(string text) => console.Error.WriteLine(text);

    public void Ended(FollowState state)
    {
        var run = state.Run!;
        string duration = run.StartedAt is { } started && run.EndedAt is { } ended
            ? $" after {Formats.Duration((ended - started).TotalSeconds)}"
            : string.Empty;
        console.Out.WriteLine($"Run {run.RunId} {run.Status}{duration}");
        foreach (var measure in run.Summary?.Measures ?? [])
        {
            console.Out.WriteLine($"  {measure.Label}: {Formats.Measure(measure)}");
        }

        if (run.Status != RunStatus.Completed)
        {
            console.Error.WriteLine($"Run {run.RunId} ended {run.Status}: {run.Error ?? "no reason was recorded."}");
        }

        if (run.Status == RunStatus.Interrupted)
        {
            console.Error.WriteLine($"Resume it with: labdash resume {run.RunId} --follow");
        }
    }

    private void WriteProgress(RunStatusMessage run)
    {
        if (run.Status != RunStatus.Running)
        {
            return;
        }

        string progress = string.IsNullOrEmpty(run.Phase) ? Formats.Percent(run.Progress) : $"{Formats.Percent(run.Progress)} {run.Phase}";
        if (progress != _lastProgress)
        {
            _lastProgress = progress;
            console.Out.WriteLine($"progress {progress}");
        }
    }

    private void WriteMetrics(FollowState state, IReadOnlyList<(string Metric, MetricPoint Point)> updated)
    {
        var values = updated.OrderBy(u => u.Metric, StringComparer.Ordinal).Select(u => $"{u.Metric}={Formats.Number(u.Point.Value)}");
        string epoch = state.Epoch.ToString("0.##", CultureInfo.InvariantCulture);
        console.Out.WriteLine($"step {state.Step} epoch {epoch} {string.Join(' ', values)}");
    }
}
