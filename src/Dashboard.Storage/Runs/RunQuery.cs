using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>Filter, order and page of a run list.</summary>
public sealed record RunQuery
{
    public const int MaxTake = 500;

    /// <summary>Statuses to include; null or empty includes every status.</summary>
    public IReadOnlyCollection<RunStatus>? Statuses { get; init; }

    /// <summary>Experiment kind identifier to match exactly; null or empty includes every kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Search text in the syntax of <see cref="RunSearch"/>; null or blank matches every run.</summary>
    public string? Search { get; init; }

    /// <summary>Tags a run must all carry, compared case-insensitively; null or empty skips this filter.</summary>
    public IReadOnlyCollection<string>? Tags { get; init; }

    /// <summary>Earliest creation time included; null leaves the range open.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Creation time before which runs are included (exclusive); null leaves the range open.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    public RunArchiveFilter Archive { get; init; } = RunArchiveFilter.Active;

    public RunSortField SortBy { get; init; } = RunSortField.CreatedAt;

    /// <summary>Summary measure key to order by when <see cref="SortBy"/> is <see cref="RunSortField.Measure"/>.</summary>
    public string? SortMeasure { get; init; }

    public bool Descending { get; init; } = true;

    /// <summary>Number of matching runs to skip; negative values count as 0.</summary>
    public int Skip { get; init; }

    /// <summary>Page size, clamped to 1..<see cref="MaxTake"/>.</summary>
    public int Take { get; init; } = 50;

    /// <summary>
    /// Returns whether <paramref name="key"/> can name a measure to sort by: 1 to 100 letters, digits and
    /// <c>_ . / -</c>. The key is written into the sort expression as a literal, so nothing else is allowed.
    /// </summary>
    public static bool IsMeasureKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-');
}
