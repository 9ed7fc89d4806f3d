using System.Globalization;
using System.Text;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.RunList;

namespace Dashboard.Web.Export;

/// <summary>
/// Writes the runs that match a run list's search and filters as CSV, one row per run in the list's order: the fixed
/// columns, then one column per summary measure key that any of the runs has, in ordinal order.
/// </summary>
public sealed class RunTableCsv(IRunStore runs)
{
    public static readonly string[] FixedColumns =
        ["run_id", "name", "kind", "status", "created_at", "started_at", "ended_at", "duration_seconds", "tags", "archived_at"];

    public async Task WriteAsync(Stream output, RunListState state, CancellationToken cancellationToken)
    {
        var matching = ReadAll(state);
        var measureKeys = matching
            .SelectMany(run => run.Summary?.Measures ?? [])
            .Select(measure => measure.Key)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvText.Line(FixedColumns.Concat(measureKeys.Select(CsvText.Field))));
        foreach (var run in matching)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(CsvText.Line(Row(run, measureKeys)));
        }
    }

    private List<RunRecord> ReadAll(RunListState state)
    {
        var all = new List<RunRecord>();
        while (true)
        {
            var page = runs.Query(state.ToRunQuery(all.Count, RunQuery.MaxTake));
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.Total)
            {
                return all;
            }
        }
    }

    private static IEnumerable<string> Row(RunRecord run, List<string> measureKeys)
    {
        yield return CsvText.Field(run.Id);
        yield return CsvText.Field(run.Name);
        yield return CsvText.Field(run.Kind);
        yield return run.Status.ToString();
        yield return CsvText.Time(run.CreatedAt);
        yield return CsvText.Time(run.StartedAt);
        yield return CsvText.Time(run.EndedAt);
        yield return run is { StartedAt: { } started, EndedAt: { } ended }
            ? (ended - started).TotalSeconds.ToString("R", CultureInfo.InvariantCulture)
            : string.Empty;
        yield return CsvText.Field(string.Join(' ', run.Tags));
        yield return CsvText.Time(run.ArchivedAt);
        foreach (string key in measureKeys)
        {
            yield return run.Summary?.Find(key) is { } measure ? CsvText.Number(measure.Value) : string.Empty;
        }
    }
}
