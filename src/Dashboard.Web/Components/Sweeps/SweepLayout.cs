using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Sweeps;

/// <summary>
/// The columns of a sweep's results: one per swept parameter, labelled as the launch form labels its field,
/// then the headline measure and the kind's other comparison measures.
/// </summary>
/// <param name="Parameters">Swept parameter columns, in the sweep's order.</param>
/// <param name="Headline">The kind's headline measure as the first run that reports it labels it, or null before any does.</param>
/// <param name="Measures">The headline measure first, then the other comparison measures.</param>
public sealed record SweepLayout(IReadOnlyList<SweepColumn> Parameters, SummaryMeasure? Headline, IReadOnlyList<SummaryMeasure> Measures)
{
    public static SweepLayout For(RunGroup group, IExperimentKind? kind, IEnumerable<RunRecord?> runs, IReadOnlyList<SummaryMeasure> comparisonColumns)
    {
        ArgumentNullException.ThrowIfNull(group);

        var schema = kind is null ? null : ConfigurationSchema.For(kind.ConfigurationType);
        var parameters = (group.Sweep?.Parameters ?? [])
            .Select(p => schema?.Find(p.Path) is { } field
                ? SweepColumn.Parameter(p.Path, field.Label, field.Type is FieldType.Integer or FieldType.Number)
                : SweepColumn.Parameter(p.Path, p.Path, numeric: false))
            .ToList();

        var headline = kind is null ? null : runs.Select(run => run?.Summary?.Find(kind.HeadlineMeasure)).FirstOrDefault(m => m is not null);
        IReadOnlyList<SummaryMeasure> measures = headline is null
            ? comparisonColumns
            : [headline, .. comparisonColumns.Where(c => c.Key != headline.Key)];
        return new SweepLayout(parameters, headline, measures);
    }
}
