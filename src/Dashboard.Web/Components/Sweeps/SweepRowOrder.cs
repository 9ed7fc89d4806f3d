using Dashboard.Core.Runs;

namespace Dashboard.Web.Components.Sweeps;

/// <summary>Sorts a sweep's rows by one column. Rows without a value in that column come last in either direction.</summary>
public static class SweepRowOrder
{
    public static IReadOnlyList<(RunGroupMember Member, RunRecord? Run)> Sort(
        IReadOnlyList<(RunGroupMember Member, RunRecord? Run)> rows,
        SweepColumn? column,
        bool descending)
    {
        if (column is null)
        {
            return rows;
        }

        var keyed = rows.Select(row => (Row: row, Value: column.SortValue(row.Member, row.Run))).ToList();
        var present = keyed.Where(item => item.Value is not null);
        var ordered = descending
            ? present.OrderByDescending(item => item.Value, Comparer<IComparable?>.Default)
            : present.OrderBy(item => item.Value, Comparer<IComparable?>.Default);
        return [.. ordered.Concat(keyed.Where(item => item.Value is null)).Select(item => item.Row)];
    }
}
