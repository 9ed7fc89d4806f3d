namespace Dashboard.Core.Runs;

/// <summary>
/// The final measures of a run. Each measure carries its own label and format so that a page can show
/// the summary of any experiment kind; <see cref="HeadlineKey"/> names the kind's headline measure.
/// </summary>
public sealed class RunSummary
{
    public string? HeadlineKey { get; set; }

    public List<SummaryMeasure> Measures { get; set; } = [];

    public SummaryMeasure? Headline => HeadlineKey is null ? null : Find(HeadlineKey);

    public SummaryMeasure? Find(string key) => Measures.FirstOrDefault(m => m.Key == key);
}

/// <summary>
/// One summary value. <see cref="Group"/> ties measures of one sub-unit together (for example one attack),
/// so a result view can lay them out as a table.
/// </summary>
public sealed record SummaryMeasure(
    string Key,
    string Label,
    double Value,
    MeasureFormat Format = MeasureFormat.Number,
    string? Group = null);

/// <summary>How a measure's value is shown.</summary>
public enum MeasureFormat
{
    /// <summary>A plain number with up to four significant decimals.</summary>
    Number,

    /// <summary>A fraction from 0 to 1 shown as a percentage.</summary>
    Percent,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A duration in seconds.</summary>
    Seconds,
}
