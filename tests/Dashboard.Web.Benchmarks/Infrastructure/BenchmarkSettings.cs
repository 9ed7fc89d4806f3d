namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>Options shared by every subcommand.</summary>
/// <param name="Quick">Shorter measurements and fewer repeats, so that <c>all</c> finishes in a few minutes.</param>
/// <param name="OutputDirectory">Folder for results.json, results.md and BenchmarkDotNet's artifacts.</param>
/// <param name="EpochSeconds">Training time of one epoch that the tracking overhead is compared with.</param>
/// <param name="Pages">Run pages opened in Chromium for the memory measurement; 0 means the mode's default.</param>
public sealed record BenchmarkSettings(bool Quick, string OutputDirectory, double EpochSeconds, int Pages)
{
    /// <summary>Picks the quick or the full value.</summary>
    public T Choose<T>(T quick, T full) => Quick ? quick : full;
}
