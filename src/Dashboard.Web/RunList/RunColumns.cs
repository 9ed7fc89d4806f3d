using Dashboard.Storage;

namespace Dashboard.Web.RunList;

/// <summary>
/// Optional columns of the runs table, by the id used in the URL's <c>cols</c> parameter. A summary measure column is
/// <c>m:</c> followed by the measure key, for example <c>m:average_asr</c>.
/// </summary>
public static class RunColumns
{
    public const string Kind = "kind";
    public const string Status = "status";
    public const string Created = "created";
    public const string Started = "started";
    public const string Duration = "duration";
    public const string KeyResult = "key";
    public const string Tags = "tags";
    public const string MeasurePrefix = "m:";

    /// <summary>The fixed columns with their headers, in table order.</summary>
    public static readonly IReadOnlyList<(string Id, string Header)> Fixed =
    [
        (Kind, "Kind"), (Status, "Status"), (Created, "Created"), (Started, "Started"), (Duration, "Duration"),
        (KeyResult, "Key result"), (Tags, "Tags"),
    ];

    public static bool IsValid(string column) =>
        column.StartsWith(MeasurePrefix, StringComparison.Ordinal)
            ? RunQuery.IsMeasureKey(column[MeasurePrefix.Length..])
            : Fixed.Any(entry => entry.Id == column);

    /// <summary>Returns the measure key of a measure column, or null for a fixed column.</summary>
    public static string? MeasureKey(string column) =>
        column.StartsWith(MeasurePrefix, StringComparison.Ordinal) ? column[MeasurePrefix.Length..] : null;
}
