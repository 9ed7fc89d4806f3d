using Dashboard.Cli.Following;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Spectre.Console;

namespace Dashboard.Cli.Tests.Units;

/// <summary>The Spectre.Console display of a followed run, rendered into a string instead of a terminal.</summary>
public sealed class LiveFollowViewTests
{
    [Fact]
    public async Task ShowRendersOutcomeAndSummary()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        var view = new LiveFollowView(console);
        var state = new FollowState("abcdefghijkm");

        int exitCode = await view.ShowAsync(() =>
        {
            state.Apply(Status(RunStatus.Running, 0.5, summary: null));
            view.Started(state);
            view.MetricsReceived(state, state.Apply([MetricBatch.FromPoints("train/loss", [new MetricPoint(3, 0.5, 1.25, 1000)])]));
            var summary = new RunSummary { HeadlineKey = "clean_accuracy", Measures = [new("clean_accuracy", "Clean accuracy", 0.875, MeasureFormat.Percent)] };
            state.Apply(Status(RunStatus.Completed, 1, summary));
            view.Ended(state);
            return Task.FromResult(0);
        });

        string text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("Following run abcdefghijkm", text);
        Assert.Contains("Run abcdefghijkm Completed", text);
        Assert.Contains("Clean accuracy", text);
        Assert.Contains("87.5%", text);
    }

    private static RunStatusMessage Status(RunStatus status, double progress, RunSummary? summary) => new(
        "abcdefghijkm", "live view run", "backdoor", status, progress, "epoch 1 of 2", "cpu", null, summary,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status.IsFinal() ? DateTimeOffset.UnixEpoch.AddSeconds(5) : null);
}
