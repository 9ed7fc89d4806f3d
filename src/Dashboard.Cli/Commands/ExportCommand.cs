using System.CommandLine;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash export RUN_ID --format csv|json|html|config</c>: downloads a run's metrics, report or configuration.</summary>
internal static class ExportCommand
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["csv"] = "metrics.csv",
        ["json"] = "metrics.json",
        ["html"] = "export.html",
        ["config"] = "configuration.json",
    };

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var runArgument = new Argument<string>("RUN_ID") { Description = "Id of the run." };
        var formatOption = new Option<string>("--format")
        {
            Description = "csv or json for the full metric history, html for a self-contained report, config for a launch file that `labdash launch` reads.",
            Required = true,
        };
        formatOption.AcceptOnlyFromAmong([.. Files.Keys]);
        var outputOption = new Option<string>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };

        var command = new Command("export", "Download a run's metric history, HTML report or configuration.") { runArgument, formatOption, outputOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            string path = RunPaths.Action(result.GetValue(runArgument)!, Files[result.GetValue(formatOption)!]);
            using var client = globals.CreateClient(result);
            if (result.GetValue(outputOption) is not { } file)
            {
                using var buffer = new MemoryStream();
                await client.DownloadAsync(path, buffer, cancellationToken);
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                return ExitCodes.Success;
            }

            // Written to a temporary file first, so that a failed download never leaves a truncated file behind.
            string temporary = file + ".part";
            try
            {
                await using var stream = File.Create(temporary);
                if (result.GetValue(formatOption) == "config" && IsYamlFile(file))
                {
                    // A launch file named .yaml or .yml is written as YAML, as `labdash defaults` writes it.
                    using var buffer = new MemoryStream();
                    await client.DownloadAsync(path, buffer, cancellationToken);
                    string yaml = Configuration.YamlWriter.Write(System.Text.Json.Nodes.JsonNode.Parse(buffer.ToArray()));
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(yaml), cancellationToken);
                }
                else
                {
                    await client.DownloadAsync(path, stream, cancellationToken);
                }
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            File.Move(temporary, file, overwrite: true);
            await console.Error.WriteLineAsync($"Wrote {file} ({new FileInfo(file).Length} bytes)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsYamlFile(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
