namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The address of the comparison page. The selected run ids travel in the query string
/// (<c>/compare?runs=id1,id2</c>), so a comparison can be bookmarked and its order, which sets each run's
/// colour, survives a reload.
/// </summary>
public static class CompareLinks
{
    public const string Path = "/compare";

    public static string For(IEnumerable<string> runIds) =>
        $"{Path}?runs={string.Join(',', runIds.Select(Uri.EscapeDataString))}";

    /// <summary>Splits the <c>runs</c> query value into ids, dropping blanks and repeats but keeping the order.</summary>
    public static IReadOnlyList<string> Parse(string? runs) =>
        string.IsNullOrWhiteSpace(runs)
            ? []
            : [.. runs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
