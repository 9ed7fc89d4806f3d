namespace Dashboard.Cli.Tests.Infrastructure;

/// <summary>Output of one in-process <c>labdash</c> invocation.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}

/// <summary>Runs the command-line client in this process with captured output, as a job script would see it.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <param name="interrupt">Cancelling it acts like Ctrl+C.</param>
    public static async Task<CliResult> RunAsync(string[] args, CancellationToken interrupt)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await Cli.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), interrupt);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
