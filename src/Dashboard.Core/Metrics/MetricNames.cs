using System.Text.RegularExpressions;

namespace Dashboard.Core.Metrics;

/// <summary>
/// Rules for metric names. Names are slash-separated paths such as <c>train/loss</c> or
/// <c>test/asr/patch</c>; the part before the last slash groups related series.
/// </summary>
public static partial class MetricNames
{
    public const string Rule = "1 to 200 characters of letters, digits, '_', '-', '.', '#' and '/'";

    public static bool IsValid(string? name) => name is { Length: > 0 and <= 200 } && NamePattern().IsMatch(name);

    /// <summary>
    /// Returns true if <paramref name="metric"/> matches <paramref name="pattern"/>: an exact name, or a
    /// prefix followed by <c>*</c>.
    /// </summary>
    public static bool Matches(string pattern, string metric) =>
        pattern.EndsWith('*')
            ? metric.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, metric, StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_\\-./#]+$")]
    private static partial Regex NamePattern();
}
