namespace Dashboard.Cli;

/// <summary>
/// Where a command writes. <see cref="Interactive"/> is true only when standard output is a terminal, and then
/// <c>follow</c> draws a live progress display. Otherwise it prints one plain line per update.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive);
