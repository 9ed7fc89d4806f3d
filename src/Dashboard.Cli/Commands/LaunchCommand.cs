using System.CommandLine;
using Dashboard.Cli.Api;
using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>labdash launch [FILE] [--set key=value ...]</c>: queues a run and, unless <c>--detach</c> is given, follows it
/// until it ends.
/// </summary>
internal static class LaunchCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var fileArgument = new Argument<string?>("FILE")
        {
            Description = "Launch file in JSON or YAML: {kind, name, preset, configuration: {...}}, as `labdash defaults` or the dashboard's \"Download configuration\" writes it.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var setOption = new Option<string[]>("--set")
        {
            Description = "Override a configuration field by dotted path, for example --set epochs=3 --set defence.kind=badLoss --set attacks[0].targetClass=2. Values are read as JSON when they parse, otherwise as text.",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
        };
        var kindOption = new Option<string>("--kind") { Description = "Experiment kind, in place of the file's.", HelpName = "KIND" };
        var nameOption = new Option<string>("--name") { Description = "Run name, in place of the file's.", HelpName = "NAME" };
        var presetOption = new Option<string>("--preset") { Description = "Start from this preset. The file's configuration and each --set apply on top of it.", HelpName = "PRESET" };
        var followOption = new Option<bool>("--follow") { Description = "Follow the run until it ends (the default)." };
        var detachOption = new Option<bool>("--detach") { Description = "Print the run id and return at once, without following." };
        var cancelOnInterrupt = FollowCommand.CancelOnInterruptOption();

        var command = new Command("launch", "Launch a run from a file and/or options, then follow it until it ends.")
        {
            fileArgument, setOption, kindOption, nameOption, presetOption, followOption, detachOption, cancelOnInterrupt,
        };
        command.SetAction(async (result, interrupt) =>
        {
            if (result.GetValue(followOption) && result.GetValue(detachOption))
            {
                throw CliException.InvalidInput("--follow and --detach cannot be combined. Pass one of them.");
            }

            var overrides = (result.GetValue(setOption) ?? []).Select(ConfigurationOverride.Parse).ToList();
            var file = result.GetValue(fileArgument) is { } path ? LaunchDocument.Read(path) : null;
            using var client = globals.CreateClient(result);

            var body = await LaunchPlan.BuildAsync(
                client, file, result.GetValue(kindOption), result.GetValue(nameOption), result.GetValue(presetOption), overrides, CancellationToken.None);
            var run = await client.PostAsync<RunView>("api/v1/runs", body, CancellationToken.None);

            if (result.GetValue(detachOption))
            {
                await console.Out.WriteLineAsync(result.GetValue(globals.Json) ? System.Text.Json.JsonSerializer.Serialize(run, ApiJson.Indented) : run.Id);
                await console.Error.WriteLineAsync($"Launched run {run.Id} \"{run.Name}\". Follow it with: labdash follow {run.Id}");
                return ExitCodes.Success;
            }

            await console.Out.WriteLineAsync($"Launched run {run.Id} \"{run.Name}\": {new Uri(client.Server, $"runs/{run.Id}")}");
            return await FollowCommand.FollowAsync(globals, result, console, client, run.Id, result.GetValue(cancelOnInterrupt), interrupt);
        });
        return command;
    }
}
