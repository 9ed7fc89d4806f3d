using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Runs a <see cref="RunQuery"/> against the runs collection. The list by creation time with no filter but the
/// archive state is read from the CreatedAt index, which stops after the page. Every other query reads only the id and sort key of each
/// matching run in one pass, sorts them in memory and loads the page by id. LiteDB's own ORDER BY and COUNT
/// would each load every matching document in full.
/// </summary>
internal static class RunQueryRunner
{
    private const string IdField = "id";
    private const string KeyField = "key";

    public static RunPage Run(ILiteCollection<BsonDocument> runs, RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var filters = RunQueryExpressions.Filters(query);
        int skip = Math.Max(0, query.Skip);
        int take = Math.Clamp(query.Take, 1, RunQuery.MaxTake);

        // The Active archive state adds one filter and All adds none; anything more needs the key pass.
        bool onlyArchiveFilter = query.Archive != RunArchiveFilter.Archived
            && filters.Count == (query.Archive == RunArchiveFilter.Active ? 1 : 0);
        if (onlyArchiveFilter && query.SortBy == RunSortField.CreatedAt)
        {
            return PageFromIndex(runs, query.Archive, query.Descending, skip, take);
        }

        return PageFromKeys(runs, query, filters, skip, take);
    }

    private static RunPage PageFromIndex(ILiteCollection<BsonDocument> runs, RunArchiveFilter archive, bool descending, int skip, int take)
    {
        var query = runs.Query();
        int total = runs.Count();
        if (archive == RunArchiveFilter.Active)
        {
            query = query.Where(RunQueryExpressions.ActiveFilter);
            total -= runs.Count(BsonExpression.Create($"$.{RunDocument.Archived} = true"));
        }

        var page = query
            .OrderBy(RunQueryExpressions.SortKey(RunSortField.CreatedAt), descending ? Query.Descending : Query.Ascending)
            .Skip(skip)
            .Limit(take)
            .ToList()
            .Select(RunDocument.ToRecord)
            .ToList();

        return new RunPage(page, total);
    }

    private static RunPage PageFromKeys(ILiteCollection<BsonDocument> runs, RunQuery query, List<BsonExpression> filters, int skip, int take)
    {
        var matches = runs.Query();
        foreach (var filter in filters)
        {
            matches = matches.Where(filter);
        }

        string projection = $"{{ {IdField}: $._id, {KeyField}: {RunQueryExpressions.SortKey(query.SortBy, query.SortMeasure).Source} }}";
        var keys = matches.Select(BsonExpression.Create(projection)).ToList();

        // BsonValue.CompareTo compares strings ordinally, as the database's collation does.
        keys.Sort(CompareKeys);
        if (query.Descending)
        {
            keys.Reverse();
        }

        var page = keys
            .Skip(skip)
            .Take(take)
            .Select(key => runs.FindById(key[IdField]))
            .OfType<BsonDocument>()
            .Select(RunDocument.ToRecord)
            .ToList();

        return new RunPage(page, keys.Count);
    }

    /// <summary>Orders by sort key, then by run id, so that runs with equal keys keep one order across pages.</summary>
    private static int CompareKeys(BsonDocument left, BsonDocument right)
    {
        int byKey = left[KeyField].CompareTo(right[KeyField]);
        return byKey != 0 ? byKey : string.CompareOrdinal(left[IdField].AsString, right[IdField].AsString);
    }
}
