using System.CommandLine;
using System.Text.Json.Nodes;
using Dashboard.Cli.Api;
using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>labdash defaults KIND [--preset P]</c>: prints a launch file with the kind's default configuration, or a
/// preset's, to edit and pass to <c>labdash launch</c>.
/// </summary>
internal static class DefaultsCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var kindArgument = new Argument<string>("KIND") { Description = "Experiment kind id, as `labdash kinds` lists it." };
        var presetOption = new Option<string>("--preset") { Description = "Start from this preset's configuration instead of the defaults.", HelpName = "PRESET" };
        var formatOption = new Option<string>("--format") { Description = "File format.", DefaultValueFactory = _ => "yaml" };
        formatOption.AcceptOnlyFromAmong("yaml", "json");
        var outputOption = new Option<string>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };

        var command = new Command("defaults", "Print a configuration file to start from: the kind's defaults or a preset, in YAML or JSON.")
        {
            kindArgument, presetOption, formatOption, outputOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            string kind = result.GetValue(kindArgument)!;
            string? preset = result.GetValue(presetOption);
            using var client = globals.CreateClient(result);

            JsonObject configuration = preset is null
                ? (await KindRequests.GetKindAsync(client, kind, cancellationToken)).Defaults
                    ?? throw new CliException(ExitCodes.Unreachable, $"The server sent no defaults for kind '{kind}'.")
                : (await KindRequests.GetPresetAsync(client, kind, preset, cancellationToken)).Configuration
                    ?? throw new CliException(ExitCodes.Unreachable, $"The server sent no configuration for preset '{preset}'.");

            var file = new JsonObject { ["kind"] = kind, ["configuration"] = configuration.DeepClone() };
            string text = result.GetValue(formatOption) == "json"
                ? file.ToJsonString(ApiJson.Indented) + Environment.NewLine
                : $"# Launch with: labdash launch FILE{Environment.NewLine}# Source: {(preset is null ? $"defaults of {kind}" : $"preset {preset} of {kind}")}{Environment.NewLine}"
                    + YamlWriter.Write(file);

            if (result.GetValue(outputOption) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await console.Error.WriteLineAsync($"Wrote {path}");
            }
            else
            {
                await console.Out.WriteAsync(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
