using LiteDB;

namespace Dashboard.Storage;

/// <summary>Translates a <see cref="RunQuery"/> into LiteDB filter and sort expressions over run documents.</summary>
internal static class RunQueryExpressions
{
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

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // INDEXOF matches the search text literally; LIKE would read % and _ in it as wildcards.
            string search = query.Search.Trim().ToLowerInvariant();
            filters.Add(BsonExpression.Create(
                $"(INDEXOF(LOWER($.{RunDocument.Name}), @0) >= 0 OR INDEXOF(LOWER($._id), @0) >= 0)", search));
        }

        return filters;
    }

    /// <summary>
    /// Returns the sort key for <paramref name="field"/>. Kind and status add the creation time, so runs of one
    /// kind or status list in launch order. BSON compares arrays element by element, and null before any number.
    /// </summary>
    public static BsonExpression SortKey(RunSortField field) => field switch
    {
        RunSortField.CreatedAt => BsonExpression.Create($"$.{RunDocument.CreatedAt}"),
        RunSortField.Name => BsonExpression.Create($"LOWER($.{RunDocument.Name})"),
        RunSortField.Kind => BsonExpression.Create($"[$.{RunDocument.Kind}, $.{RunDocument.CreatedAt}]"),
        RunSortField.Status => BsonExpression.Create($"[$.{RunDocument.Status}, $.{RunDocument.CreatedAt}]"),
        RunSortField.StartedAt => BsonExpression.Create($"$.{RunDocument.StartedAt}"),
        RunSortField.Duration => BsonExpression.Create($"$.{RunDocument.Duration}"),
        RunSortField.Headline => BsonExpression.Create($"$.{RunDocument.HeadlineValue}"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, $"Unknown run sort field {field}."),
    };
}
