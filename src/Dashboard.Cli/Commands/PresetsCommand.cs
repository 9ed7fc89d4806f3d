using System.CommandLine;
using Dashboard.Cli.Api;
using Dashboard.Cli.Output;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash presets KIND</c>: the named configurations of one experiment kind.</summary>
internal static class PresetsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kindArgument = new Argument<string>("KIND") { Description = "Experiment kind id, as `labdash kinds` lists it." };
        var command = new Command("presets", "List the presets of an experiment kind.") { kindArgument };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = globals.CreateClient(result);
            var kind = await KindRequests.GetKindAsync(client, result.GetValue(kindArgument)!, cancellationToken);
            if (result.GetValue(globals.Json))
            {
                await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(kind.Presets ?? [], ApiJson.Indented));
                return ExitCodes.Success;
            }

            var table = new TextTable("PRESET", "NAME", "DESCRIPTION");
            foreach (var preset in kind.Presets ?? [])
            {
                table.Add(preset.Id, preset.Name, preset.Description);
            }

            await console.Out.WriteAsync(table.Render());
            return ExitCodes.Success;
        });
        return command;
    }
}
