namespace Dashboard.Cli;

/// <summary>
/// An error that ends a command with <see cref="ExitCode"/>. The message is printed on standard error,
/// followed by <see cref="Details"/> one per line (for example one line per invalid field).
/// </summary>
internal sealed class CliException(int exitCode, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Details { get; } = details ?? [];

    public static CliException InvalidInput(string message, IReadOnlyList<string>? details = null) =>
        new(ExitCodes.InvalidInput, message, details);
}
