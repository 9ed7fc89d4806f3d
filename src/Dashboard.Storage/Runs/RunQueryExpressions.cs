using LiteDB;

namespace Dashboard.Storage;

/// <summary>Translates a <see cref="RunQuery"/> into LiteDB filter and sort expressions over run documents.</summary>
internal static class RunQueryExpressions
{
    /// <summary>
    /// The filter of the default list. It tests ArchivedAt, which has no index, so LiteDB keeps reading in
    /// CreatedAt index order and stops after the page.
    /// </summary>
    public static BsonExpression ActiveFilter => BsonExpression.Create($"$.{RunDocument.ArchivedAt} = null");

    /// <summary>Returns one predicate per active filter; LiteDB combines several Where calls with AND.</summary>
    public static List<BsonExpression> Filters(RunQuery query)
    {
        var filters = new List<BsonExpression>();

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = new BsonArray(statuses.Distinct().Select(status => new BsonValue(status.ToString())));
            filters.Add(BsonExpression.Create($"$.{RunDocument.Status} IN @0", names));
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            filters.Add(BsonExpression.Create($"$.{RunDocument.Kind} = @0", query.Kind));
        }

        foreach (var term in RunSearch.Parse(query.Search))
        {
            filters.Add(SearchFilter(term));
        }

        foreach (string tag in query.Tags ?? [])
        {
            filters.Add(BsonExpression.Create($"$.{RunDocument.TagKeys}[*] ANY = @0", tag.Trim().ToLowerInvariant()));
        }

        if (query.CreatedFrom is { } from)
        {
            filters.Add(BsonExpression.Create($"$.{RunDocument.CreatedAt} >= @0", BsonTime.ToBson(from)));
        }

        if (query.CreatedBefore is { } before)
        {
            filters.Add(BsonExpression.Create($"$.{RunDocument.CreatedAt} < @0", BsonTime.ToBson(before)));
        }

        switch (query.Archive)
        {
            case RunArchiveFilter.Active:
                filters.Add(ActiveFilter);
                break;
            case RunArchiveFilter.Archived:
                filters.Add(BsonExpression.Create($"$.{RunDocument.ArchivedAt} != null"));
                break;
        }

        return filters;
    }

    /// <summary>
    /// Returns the sort key for <paramref name="field"/>. Kind and status add the creation time, so runs of one
    /// kind or status list in launch order. BSON compares arrays element by element, and null before any number.
    /// </summary>
    public static BsonExpression SortKey(RunSortField field, string? measure = null) => field switch
    {
        RunSortField.CreatedAt => BsonExpression.Create($"$.{RunDocument.CreatedAt}"),
        RunSortField.Name => BsonExpression.Create($"LOWER($.{RunDocument.Name})"),
        RunSortField.Kind => BsonExpression.Create($"[$.{RunDocument.Kind}, $.{RunDocument.CreatedAt}]"),
        RunSortField.Status => BsonExpression.Create($"[$.{RunDocument.Status}, $.{RunDocument.CreatedAt}]"),
        RunSortField.StartedAt => BsonExpression.Create($"$.{RunDocument.StartedAt}"),
        RunSortField.Duration => BsonExpression.Create($"$.{RunDocument.Duration}"),
        RunSortField.Headline => BsonExpression.Create($"$.{RunDocument.HeadlineValue}"),
        RunSortField.Measure => MeasureSortKey(measure),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, $"Unknown run sort field {field}."),
    };

    private static BsonExpression MeasureSortKey(string? measure)
    {
        if (!RunQuery.IsMeasureKey(measure))
        {
            throw new ArgumentException(
                $"Measure key '{measure}' is invalid: use 1 to 100 letters, digits, '_', '.', '/' or '-'.", nameof(measure));
        }

        // The projection that reads sort keys keeps only the expression's source text, so the key is a literal here.
        return BsonExpression.Create($"FIRST($.{RunDocument.Summary}.Measures[@.Key = '{measure}'].Value)");
    }

    private static BsonExpression SearchFilter(RunSearchTerm term)
    {
        string value = term.Value.ToLowerInvariant();
        switch (term.Kind)
        {
            case RunSearchTermKind.Tag:
                return BsonExpression.Create($"$.{RunDocument.TagKeys}[*] ANY = @0", value);

            case RunSearchTermKind.ConfigurationValue:
                string path = $"$.{RunDocument.Configuration}.{term.Path}";
                if (double.TryParse(term.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number))
                {
                    return BsonExpression.Create($"({path} = @0 OR LOWER({path}) = @1)", number, value);
                }

                if (bool.TryParse(term.Value, out bool flag))
                {
                    return BsonExpression.Create($"({path} = @0 OR LOWER({path}) = @1)", flag, value);
                }

                return BsonExpression.Create($"LOWER({path}) = @0", value);

            default:
                // INDEXOF matches the search text literally; LIKE would read % and _ in it as wildcards.
                return BsonExpression.Create(
                    $"(INDEXOF(LOWER($.{RunDocument.Name}), @0) >= 0 OR INDEXOF(LOWER($._id), @0) >= 0" +
                    $" OR $.{RunDocument.TagKeys}[*] ANY = @0" +
                    $" OR INDEXOF(LOWER($.{RunDocument.ConfigurationJson}), @0) >= 0)",
                    value);
        }
    }
}
