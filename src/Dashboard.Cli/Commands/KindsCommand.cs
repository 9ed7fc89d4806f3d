using System.CommandLine;
using Dashboard.Cli.Api;
using Dashboard.Cli.Output;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash kinds</c>: the experiment kinds the server runs, with their presets.</summary>
internal static class KindsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("kinds", "List the experiment kinds the server can run.");
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = globals.CreateClient(result);
            if (result.GetValue(globals.Json))
            {
                await console.Out.WriteLineAsync(await client.GetJsonTextAsync("api/v1/kinds", cancellationToken));
                return ExitCodes.Success;
            }

            var kinds = await client.GetAsync<List<KindView>>("api/v1/kinds", cancellationToken);
            var table = new TextTable("KIND", "NAME", "HEADLINE", "PRESETS");
            foreach (var kind in kinds)
            {
                table.Add(kind.Id, kind.DisplayName, kind.HeadlineMeasure, string.Join(", ", (kind.Presets ?? []).Select(p => p.Id)));
            }

            await console.Out.WriteAsync(table.Render());
            return ExitCodes.Success;
        });
        return command;
    }
}
