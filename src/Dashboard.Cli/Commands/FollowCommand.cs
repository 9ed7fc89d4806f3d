using System.CommandLine;
using Dashboard.Cli.Api;
using Dashboard.Cli.Following;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>labdash follow RUN_ID</c>: live progress and metrics of a run until it ends.</summary>
internal static class FollowCommand
{
    public static Option<bool> CancelOnInterruptOption() => new("--cancel-on-interrupt")
    {
        Description = "On Ctrl+C, cancel the run and wait for it to stop, instead of only stopping to follow.",
    };

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var runArgument = new Argument<string>("RUN_ID") { Description = "Id of the run to follow." };
        var cancelOnInterrupt = CancelOnInterruptOption();
        var command = new Command("follow", "Show a run's progress and latest metrics until it ends. Exit code 0 when it completes, 1 otherwise.")
        {
            runArgument, cancelOnInterrupt,
        };
        command.SetAction(async (result, interrupt) =>
        {
            using var client = globals.CreateClient(result);
            return await FollowAsync(globals, result, console, client, result.GetValue(runArgument)!, result.GetValue(cancelOnInterrupt), interrupt);
        });
        return command;
    }

    /// <summary>Follows a run with the live display on a terminal and plain lines elsewhere.</summary>
    public static Task<int> FollowAsync(
        GlobalOptions globals, ParseResult result, CliConsole console, DashboardClient client, string runId, bool cancelOnInterrupt, CancellationToken interrupt)
    {
        IFollowView view = console.Interactive
            ? new LiveFollowView(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) }))
            : new PlainFollowView(console);
        var follower = new RunFollower(client, globals.AccessToken(result), view);
        return follower.FollowAsync(runId, cancelOnInterrupt, interrupt);
    }
}
