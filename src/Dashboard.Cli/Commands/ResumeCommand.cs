using System.CommandLine;
using Dashboard.Cli.Api;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash resume RUN_ID</c>: queues an Interrupted run, or a Failed run that saved a checkpoint, again from its last checkpoint.</summary>
internal static class ResumeCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var runArgument = new Argument<string>("RUN_ID") { Description = "Id of an Interrupted run, or of a Failed run that saved a checkpoint." };
        var followOption = new Option<bool>("--follow") { Description = "Follow the resumed run until it ends." };
        var cancelOnInterrupt = FollowCommand.CancelOnInterruptOption();
        var command = new Command("resume", "Queue an Interrupted or Failed run again from its last checkpoint. A run that cannot be resumed exits with code 2.")
        {
            runArgument, followOption, cancelOnInterrupt,
        };
        command.SetAction(async (result, interrupt) =>
        {
            string id = result.GetValue(runArgument)!;
            using var client = globals.CreateClient(result);
            var run = await client.PostAsync<RunView>(RunPaths.Action(id, "resume"), null, CancellationToken.None);
            await console.Out.WriteLineAsync($"Resumed run {run.Id}. It is {run.Status}.");
            return result.GetValue(followOption)
                ? await FollowCommand.FollowAsync(globals, result, console, client, run.Id, result.GetValue(cancelOnInterrupt), interrupt)
                : ExitCodes.Success;
        });
        return command;
    }
}
