namespace Dashboard.Storage;

/// <summary>
/// Column a run list is ordered by. Runs without a value (not started, not ended, no summary) sort before
/// all others in ascending order and after them in descending order. Ties are broken by creation time or id,
/// so pages never overlap.
/// </summary>
public enum RunSortField
{
    CreatedAt,

    /// <summary>Run name, compared case-insensitively.</summary>
    Name,

    Kind,

    /// <summary>Status name in alphabetical order, as a table column shows it.</summary>
    Status,

    StartedAt,

    /// <summary>EndedAt minus StartedAt; runs that have not ended have no duration.</summary>
    Duration,

    /// <summary>Value of the summary's headline measure.</summary>
    Headline,

    /// <summary>Value of the summary measure named by <see cref="RunQuery.SortMeasure"/>.</summary>
    Measure,
}
