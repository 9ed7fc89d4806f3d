using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Dashboard.Cli.Commands;

namespace Dashboard.Cli;

/// <summary>
/// The <c>labdash</c> command line. <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>
/// runs one invocation and returns its exit code, so tests and the executable share every code path.
/// </summary>
public static class Cli
{
    /// <summary>
    /// Runs <paramref name="args"/> with plain output. Cancelling <paramref name="interrupt"/> acts like Ctrl+C:
    /// <c>follow</c> stops following, or cancels the run with <c>--cancel-on-interrupt</c>.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default) =>
        RunAsync(args, new CliConsole(stdout, stderr, Interactive: false), interrupt);

    internal static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(args);

        var root = BuildCommand(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync("Run 'labdash --help' for the commands and options.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(configuration, interrupt);
        }
        catch (CliException exception)
        {
            await console.Error.WriteLineAsync(exception.Message);
            foreach (string detail in exception.Details)
            {
                await console.Error.WriteLineAsync("  " + detail);
            }

            return exception.ExitCode;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    internal static RootCommand BuildCommand(CliConsole console)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Command-line client for the Lab Dashboard: launch experiment runs, follow them live, list, show and export them.");
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(KindsCommand.Create(globals, console));
        root.Subcommands.Add(PresetsCommand.Create(globals, console));
        root.Subcommands.Add(DefaultsCommand.Create(globals, console));
        root.Subcommands.Add(LaunchCommand.Create(globals, console));
        root.Subcommands.Add(FollowCommand.Create(globals, console));
        root.Subcommands.Add(ListCommand.Create(globals, console));
        root.Subcommands.Add(ShowCommand.Create(globals, console));
        root.Subcommands.Add(CancelCommand.Create(globals, console));
        root.Subcommands.Add(ResumeCommand.Create(globals, console));
        root.Subcommands.Add(ExportCommand.Create(globals, console));

        AddExitCodesToHelp(root);
        return root;
    }

    private static void AddExitCodesToHelp(RootCommand root)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: { } defaultHelp } helpOption)
        {
            helpOption.Action = new HelpWithExitCodes(defaultHelp);
        }
    }

    /// <summary>Writes the standard help, then the table of exit codes.</summary>
    private sealed class HelpWithExitCodes(CommandLineAction standardHelp) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int result = standardHelp is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes.Descriptions)
            {
                output.WriteLine($"  {code,-5}{meaning}");
            }

            output.WriteLine();
            return result;
        }
    }
}
