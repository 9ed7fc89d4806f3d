using Dashboard.Cli.Output;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dashboard.Cli.Following;

/// <summary>
/// A live terminal display drawn with Spectre.Console: a progress bar for the run's epochs and a table of the
/// latest value of each metric, redrawn a few times per second.
/// </summary>
internal sealed class LiveFollowView(IAnsiConsole console) : IFollowView
{
    private readonly Lock _gate = new();
    private ProgressTask? _task;
    private IReadOnlyList<(string Metric, MetricPoint Point)> _metrics = [];
    private string _statusLine = string.Empty;

    public Task<int> ShowAsync(Func<Task<int>> follow) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .UseRenderHook(Render)
            .StartAsync(async context =>
            {
                _task = context.AddTask("waiting for the run", maxValue: 100);
                return await follow();
            });

    public void Started(FollowState state)
    {
        var run = state.Run!;
        console.MarkupLineInterpolated($"Following run [bold]{run.RunId}[/] \"{run.Name}\" ({run.Kind})");
        Update(state);
    }

    public void StatusChanged(FollowState state, RunStatusMessage? previous) => Update(state);

    public void MetricsReceived(FollowState state, IReadOnlyList<(string Metric, MetricPoint Point)> updated) => Update(state);

    public void Notice(string text) => console.MarkupLineInterpolated($"[yellow]{text}[/]");

    public void Ended(FollowState state)
    {
        var run = state.Run!;
        Update(state);
        _task?.StopTask();

        string color = run.Status == RunStatus.Completed ? "green" : "red";
        console.MarkupLine($"Run {run.RunId} [{color}]{run.Status}[/]");
        if (run.Summary is { Measures.Count: > 0 } summary)
        {
            var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
            foreach (var measure in summary.Measures)
            {
                table.AddRow(Markup.Escape(measure.Label), Formats.Measure(measure));
            }

            console.Write(table);
        }

        if (run.Status != RunStatus.Completed)
        {
            console.MarkupLineInterpolated($"[red]{run.Error ?? "No reason was recorded."}[/]");
        }

        if (run.Status == RunStatus.Interrupted)
        {
            console.MarkupLineInterpolated($"Resume it with: labdash resume {run.RunId} --follow");
        }
    }

    private void Update(FollowState state)
    {
        var run = state.Run!;
        lock (_gate)
        {
            _metrics = [.. state.Latest.Select(pair => (pair.Key, pair.Value))];
            _statusLine = run.Device is { Length: > 0 } device ? $"{run.Status} on {device}, step {state.Step}" : $"{run.Status}, step {state.Step}";
        }

        if (_task is { } task)
        {
            task.Description = Markup.Escape(run.Phase is { Length: > 0 } phase ? phase : run.Status.ToString());
            task.Value = run.Status == RunStatus.Completed ? 100 : run.Progress * 100;
        }
    }

    private IRenderable Render(IRenderable progress, IReadOnlyList<ProgressTask> tasks)
    {
        lock (_gate)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("Metric").AddColumn(new TableColumn("Latest").RightAligned())
                .AddColumn(new TableColumn("Step").RightAligned());
            foreach (var (metric, point) in _metrics)
            {
                table.AddRow(Markup.Escape(metric), Formats.Number(point.Value), point.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var status = new Markup($"[grey]{Markup.Escape(_statusLine)}[/]");
            return _metrics.Count == 0 ? new Rows(progress, status) : new Rows(progress, status, table);
        }
    }
}
