using System.CommandLine;
using System.Text.Json.Nodes;
using Dashboard.Cli.Api;
using Dashboard.Cli.Configuration;
using Dashboard.Cli.Output;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash show RUN_ID</c>: a run's status, times, summary measures and configuration.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var runArgument = new Argument<string>("RUN_ID") { Description = "Id of the run." };
        var command = new Command("show", "Show a run: status, times, summary measures and configuration.") { runArgument };
        command.SetAction(async (result, cancellationToken) =>
        {
            string path = RunPaths.Run(result.GetValue(runArgument)!);
            using var client = globals.CreateClient(result);
            if (result.GetValue(globals.Json))
            {
                await console.Out.WriteLineAsync(await client.GetJsonTextAsync(path, cancellationToken));
                return ExitCodes.Success;
            }

            var run = await client.GetAsync<RunView>(path, cancellationToken);
            await console.Out.WriteAsync(Describe(run, client.Server));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Describe(RunView run, Uri server)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Run        {run.Id}");
        text.AppendLine($"Name       {run.Name}");
        text.AppendLine($"Kind       {run.Kind}");
        text.AppendLine($"Status     {run.Status}{(string.IsNullOrEmpty(run.Phase) || run.Status.IsFinal() ? string.Empty : $" ({run.Phase})")}");
        text.AppendLine($"Progress   {Formats.Percent(run.Progress)}");
        text.AppendLine($"Created    {Formats.Time(run.CreatedAt)}");
        text.AppendLine($"Started    {Formats.Time(run.StartedAt)}");
        text.AppendLine($"Ended      {Formats.Time(run.EndedAt)}");
        text.AppendLine($"Duration   {(run.DurationSeconds is { } seconds ? Formats.Duration(seconds) : "-")}");
        text.AppendLine($"Device     {run.Device ?? "-"}");
        text.AppendLine($"Tags       {(run.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : "-")}");
        text.AppendLine($"Page       {new Uri(server, $"runs/{run.Id}")}");
        if (run.Error is { Length: > 0 } error)
        {
            text.AppendLine($"Error      {error}");
        }

        if (run.Summary is { Measures.Count: > 0 } summary)
        {
            text.AppendLine();
            text.AppendLine("Summary");
            int width = summary.Measures.Max(m => m.Label.Length);
            foreach (var measure in summary.Measures)
            {
                text.AppendLine($"  {measure.Label.PadRight(width)}  {Formats.Measure(measure)}");
            }
        }

        text.AppendLine();
        text.AppendLine("Configuration");
        foreach (string line in YamlWriter.Write(JsonNode.Parse(run.Configuration.GetRawText())).Split('\n'))
        {
            if (line.TrimEnd().Length > 0)
            {
                text.AppendLine("  " + line.TrimEnd());
            }
        }

        return text.ToString();
    }
}
