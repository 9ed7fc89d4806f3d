namespace Dashboard.Cli;

/// <summary>
/// Process entry point. The first Ctrl+C goes to the command, which stops following (or cancels the run with
/// <c>--cancel-on-interrupt</c>). A second one ends the process at once.
/// </summary>
internal static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        };

        var console = new CliConsole(Console.Out, Console.Error, Interactive: !Console.IsOutputRedirected);
        return await Cli.RunAsync(args, console, interrupt.Token);
    }
}
