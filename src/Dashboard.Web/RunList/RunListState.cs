using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.RunList;

/// <summary>
/// The runs table's search, filters, columns, sort and page, as kept in the page's query string so a view can be
/// bookmarked. <c>/api/v1/runs.csv</c> reads the same parameters. Parameters at their default are left out of the URL.
/// </summary>
public sealed record RunListState
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100];

    /// <summary>Columns shown when the URL names none.</summary>
    public static readonly IReadOnlyList<string> DefaultColumns =
        [RunColumns.Kind, RunColumns.Status, RunColumns.Created, RunColumns.Started, RunColumns.Duration, RunColumns.KeyResult];

    public string? Search { get; init; }

    public IReadOnlyList<RunStatus> Statuses { get; init; } = [];

    public string? Kind { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>First creation day included (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last creation day included (UTC).</summary>
    public DateOnly? To { get; init; }

    public RunArchiveFilter Archive { get; init; } = RunArchiveFilter.Active;

    /// <summary>A <see cref="RunSortField"/> name, or <c>m:KEY</c> for a summary measure.</summary>
    public string Sort { get; init; } = nameof(RunSortField.CreatedAt);

    public bool Descending { get; init; } = true;

    /// <summary>Zero-based page index; the URL shows it one-based.</summary>
    public int PageIndex { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public IReadOnlyList<string> Columns { get; init; } = DefaultColumns;

    /// <summary>Reads the state from query parameters; invalid values are reported and replaced by their default.</summary>
    public static RunListState Parse(IEnumerable<KeyValuePair<string, StringValues>> query, out List<FieldError> errors)
    {
        var values = query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var found = new List<FieldError>();
        string? Get(string key) => values.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var statuses = new List<RunStatus>();
        foreach (string part in SplitList(Get("status")))
        {
            if (Enum.TryParse<RunStatus>(part, ignoreCase: true, out var status) && Enum.IsDefined(status))
            {
                statuses.Add(status);
            }
            else
            {
                found.Add(new FieldError("status", $"Unknown status '{part}'; use {string.Join(", ", Enum.GetNames<RunStatus>())}."));
            }
        }

        var archive = RunArchiveFilter.Active;
        if (Get("archived") is { } archived && (!Enum.TryParse(archived, ignoreCase: true, out archive) || !Enum.IsDefined(archive)))
        {
            found.Add(new FieldError("archived", $"Unknown archive filter '{archived}'; use active, archived or all."));
            archive = RunArchiveFilter.Active;
        }

        string sort = Get("sort") ?? nameof(RunSortField.CreatedAt);
        if (!IsValidSort(sort))
        {
            found.Add(new FieldError("sort", $"Unknown sort '{sort}'; use a column such as Name or CreatedAt, or m:MEASURE_KEY."));
            sort = nameof(RunSortField.CreatedAt);
        }

        int page = ReadInt(Get("page"), "page", 1, int.MaxValue, 1, found);
        int size = ReadInt(Get("size"), "size", 1, RunQuery.MaxTake, DefaultPageSize, found);

        var columns = SplitList(Get("cols")).Where(RunColumns.IsValid).Distinct(StringComparer.Ordinal).ToList();

        errors = found;
        return new RunListState
        {
            Search = Get("q"),
            Statuses = statuses,
            Kind = Get("kind"),
            Tags = SplitList(Get("tags")),
            From = ReadDate(Get("from"), "from", found),
            To = ReadDate(Get("to"), "to", found),
            Archive = archive,
            Sort = sort,
            Descending = !string.Equals(Get("dir"), "asc", StringComparison.OrdinalIgnoreCase),
            PageIndex = page - 1,
            PageSize = size,
            Columns = columns.Count > 0 ? columns : DefaultColumns,
        };
    }

    /// <summary>Parses the query string of <paramref name="uri"/>.</summary>
    public static RunListState FromUri(string uri, out List<FieldError> errors)
    {
        int question = uri.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? [] : QueryHelpers.ParseQuery(uri[question..]);
        return Parse(query, out errors);
    }

    /// <summary>Returns the query parameters that differ from the defaults, in a fixed order.</summary>
    public Dictionary<string, string?> ToQuery()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(query, "q", Search);
        Add(query, "status", Statuses.Count > 0 ? string.Join(',', Statuses) : null);
        Add(query, "kind", Kind);
        Add(query, "tags", Tags.Count > 0 ? string.Join(',', Tags) : null);
        Add(query, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "archived", Archive == RunArchiveFilter.Active ? null : Archive.ToString().ToLowerInvariant());
        Add(query, "sort", Sort == nameof(RunSortField.CreatedAt) ? null : Sort);
        Add(query, "dir", Descending ? null : "asc");
        Add(query, "page", PageIndex > 0 ? (PageIndex + 1).ToString(CultureInfo.InvariantCulture) : null);
        Add(query, "size", PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null);
        Add(query, "cols", Columns.SequenceEqual(DefaultColumns) ? null : string.Join(',', Columns));
        return query;
    }

    /// <summary>Returns <paramref name="path"/> with this state's query string.</summary>
    public string ToUrl(string path) => QueryHelpers.AddQueryString(path, ToQuery());

    /// <summary>Returns the storage query for one page of this state.</summary>
    public RunQuery ToRunQuery() => ToRunQuery(PageIndex * PageSize, PageSize);

    public RunQuery ToRunQuery(int skip, int take)
    {
        bool byMeasure = Sort.StartsWith(RunColumns.MeasurePrefix, StringComparison.Ordinal);
        return new RunQuery
        {
            Search = Search,
            Statuses = Statuses.Count > 0 ? Statuses : null,
            Kind = Kind,
            Tags = Tags.Count > 0 ? Tags : null,
            CreatedFrom = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            CreatedBefore = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Archive = Archive,
            SortBy = byMeasure ? RunSortField.Measure : Enum.Parse<RunSortField>(Sort),
            SortMeasure = byMeasure ? Sort[RunColumns.MeasurePrefix.Length..] : null,
            Descending = Descending,
            Skip = skip,
            Take = take,
        };
    }

    /// <summary>True when a search or filter narrows the list (the archive filter counts unless it is the default).</summary>
    public bool FiltersActive =>
        !string.IsNullOrWhiteSpace(Search) || Statuses.Count > 0 || Kind is not null || Tags.Count > 0
        || From is not null || To is not null || Archive != RunArchiveFilter.Active;

    private static bool IsValidSort(string sort) =>
        sort.StartsWith(RunColumns.MeasurePrefix, StringComparison.Ordinal)
            ? RunColumns.IsValid(sort)
            : Enum.TryParse<RunSortField>(sort, out var field) && Enum.IsDefined(field) && field != RunSortField.Measure;

    private static List<string> SplitList(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int ReadInt(string? text, string name, int min, int max, int fallback, List<FieldError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new FieldError(name, $"'{text}' is invalid for {name}: use a whole number from {min} to {max}."));
        return fallback;
    }

    private static DateOnly? ReadDate(string? text, string name, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(name, $"'{text}' is invalid for {name}: use a date as yyyy-MM-dd."));
        return null;
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query[key] = value;
        }
    }
}
