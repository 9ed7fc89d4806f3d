using System.CommandLine;
using System.Globalization;
using Dashboard.Cli.Api;
using Dashboard.Cli.Output;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash list</c>: runs, newest first, filtered like the runs page.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var statusOption = new Option<string>("--status")
        {
            Description = "Only runs with this status (Queued, Running, Completed, Failed, Cancelled or Interrupted). Separate several with commas.",
            HelpName = "STATUS",
        };
        var searchOption = new Option<string>("--search") { Description = "Only runs whose name or id contains this text.", HelpName = "TEXT" };
        var tagOption = new Option<string[]>("--tag") { Description = "Only runs with this tag. Repeat the option for runs that have all of several tags.", HelpName = "TAG" };
        var kindOption = new Option<string>("--kind") { Description = "Only runs of this experiment kind.", HelpName = "KIND" };
        var takeOption = new Option<int>("--take") { Description = "Maximum number of runs to show (1 to 500).", DefaultValueFactory = _ => 20, HelpName = "N" };

        var command = new Command("list", "List runs, newest first.") { statusOption, searchOption, tagOption, kindOption, takeOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            var query = new List<string> { $"take={result.GetValue(takeOption).ToString(CultureInfo.InvariantCulture)}" };
            AddQuery(query, "status", result.GetValue(statusOption));
            AddQuery(query, "search", result.GetValue(searchOption));
            AddQuery(query, "kind", result.GetValue(kindOption));
            if (result.GetValue(tagOption) is { Length: > 0 } tags)
            {
                AddQuery(query, "tags", string.Join(',', tags));
            }

            string path = "api/v1/runs?" + string.Join('&', query);
            using var client = globals.CreateClient(result);
            if (result.GetValue(globals.Json))
            {
                await console.Out.WriteLineAsync(await client.GetJsonTextAsync(path, cancellationToken));
                return ExitCodes.Success;
            }

            var page = await client.GetAsync<RunListView>(path, cancellationToken);
            var table = new TextTable("ID", "NAME", "KIND", "STATUS", "PROGRESS", "CREATED", "HEADLINE");
            foreach (var run in page.Items)
            {
                table.Add(run.Id, run.Name, run.Kind, run.Status.ToString(), Formats.Percent(run.Progress), Formats.Time(run.CreatedAt), Formats.Headline(run.Summary));
            }

            await console.Out.WriteAsync(table.Render());
            await console.Out.WriteLineAsync($"{page.Items.Count} of {page.Total} run(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
