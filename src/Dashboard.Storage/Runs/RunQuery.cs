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

    /// <summary>Case-insensitive substring of the run's name or id; null or blank matches every run.</summary>
    public string? Search { get; init; }

    public RunSortField SortBy { get; init; } = RunSortField.CreatedAt;

    public bool Descending { get; init; } = true;

    /// <summary>Number of matching runs to skip; negative values count as 0.</summary>
    public int Skip { get; init; }

    /// <summary>Page size, clamped to 1..<see cref="MaxTake"/>.</summary>
    public int Take { get; init; } = 50;
}
