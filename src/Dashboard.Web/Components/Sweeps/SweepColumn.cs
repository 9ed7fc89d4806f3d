using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Sweeps;

/// <summary>
/// A sortable column of a sweep's results table: the run, a swept parameter, the status, or a summary measure.
/// <see cref="Key"/> is <c>run</c>, <c>status</c>, <c>param:{path}</c> or <c>measure:{key}</c>.
/// </summary>
public sealed record SweepColumn(string Key, string Label, bool Numeric)
{
    public const string RunKey = "run";
    public const string StatusKey = "status";

    public static SweepColumn Parameter(string path, string label, bool numeric) => new($"param:{path}", label, numeric);

    public static SweepColumn Measure(SummaryMeasure measure) => new($"measure:{measure.Key}", measure.Label, Numeric: true);

    /// <summary>Returns the row's value in this column for sorting: a number, a text, or null when the row has none.</summary>
    public IComparable? SortValue(RunGroupMember member, RunRecord? run)
    {
        if (Key == RunKey)
        {
            return member.Label;
        }

        if (Key == StatusKey)
        {
            return run?.Status is { } status ? (int)status : null;
        }

        if (Key.StartsWith("param:", StringComparison.Ordinal))
        {
            string path = Key["param:".Length..];
            return member.Parameters.FirstOrDefault(p => p.Path == path) is { } value ? ParameterValue(value.Json, value.Label) : null;
        }

        return run?.Summary?.Find(Key["measure:".Length..])?.Value;
    }

    private static IComparable ParameterValue(string json, string label)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Number
            ? document.RootElement.GetDouble()
            : label.ToLower(CultureInfo.InvariantCulture);
    }
}
