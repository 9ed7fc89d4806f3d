using System.CommandLine;
using Dashboard.Cli.Api;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash cancel RUN_ID</c>: requests that the server stop a queued or running run.</summary>
internal static class CancelCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var runArgument = new Argument<string>("RUN_ID") { Description = "Id of the run to cancel." };
        var command = new Command("cancel", "Cancel a queued or running run. A run that has already ended exits with code 2.") { runArgument };
        command.SetAction(async (result, cancellationToken) =>
        {
            string id = result.GetValue(runArgument)!;
            using var client = globals.CreateClient(result);
            var run = await client.PostAsync<RunView>(RunPaths.Action(id, "cancel"), null, cancellationToken);
            await console.Out.WriteLineAsync(run.Status == Core.Runs.RunStatus.Cancelled
                ? $"Run {run.Id} is Cancelled."
                : $"Cancel requested for run {run.Id}. It stops after the current batch.");
            return ExitCodes.Success;
        });
        return command;
    }
}
