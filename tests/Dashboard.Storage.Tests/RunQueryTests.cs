using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

public sealed class RunQueryTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbRunStore _store;

    public RunQueryTests()
    {
        _store = new LiteDbRunStore(_temporary.Storage);

        Insert("r1", "Alpha baseline", "backdoor", RunStatus.Completed, minute: 1, startedMinute: 2, endedMinute: 12, headline: 0.90);
        Insert("r2", "beta sweep", "backdoor", RunStatus.Failed, minute: 2, startedMinute: 3, endedMinute: 5, headline: null);
        Insert("r3", "Gamma 50%_off", "probe", RunStatus.Running, minute: 3, startedMinute: 4, endedMinute: null, headline: null);
        Insert("r4", "delta", "probe", RunStatus.Queued, minute: 4, startedMinute: null, endedMinute: null, headline: null);
        Insert("r5", "ALPHA repeat", "backdoor", RunStatus.Completed, minute: 5, startedMinute: 6, endedMinute: 36, headline: 0.95);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Query_Default_ReturnsNewestFirst()
    {
        var page = _store.Query(new RunQuery());

        Assert.Equal(["r5", "r4", "r3", "r2", "r1"], Ids(page));
    }

    [Fact]
    public void Query_Default_TotalCountsAllRuns()
    {
        Assert.Equal(5, _store.Query(new RunQuery()).Total);
    }

    [Fact]
    public void Query_Statuses_KeepsOnlyThoseStatuses()
    {
        var page = _store.Query(new RunQuery { Statuses = [RunStatus.Completed, RunStatus.Failed], Descending = false });

        Assert.Equal(["r1", "r2", "r5"], Ids(page));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void Query_EmptyStatuses_KeepsEveryRun()
    {
        Assert.Equal(5, _store.Query(new RunQuery { Statuses = [] }).Total);
    }

    [Fact]
    public void Query_Kind_KeepsOnlyThatKind()
    {
        var page = _store.Query(new RunQuery { Kind = "probe", Descending = false });

        Assert.Equal(["r3", "r4"], Ids(page));
    }

    [Fact]
    public void Query_Search_MatchesNameIgnoringCase()
    {
        var page = _store.Query(new RunQuery { Search = "alpha", Descending = false });

        Assert.Equal(["r1", "r5"], Ids(page));
    }

    [Fact]
    public void Query_Search_MatchesId()
    {
        var page = _store.Query(new RunQuery { Search = "R4" });

        Assert.Equal(["r4"], Ids(page));
    }

    [Fact]
    public void Query_SearchWithLikeWildcards_MatchesLiterally()
    {
        Assert.Equal(["r3"], Ids(_store.Query(new RunQuery { Search = "50%_" })));
        Assert.Equal(["r3"], Ids(_store.Query(new RunQuery { Search = "%" })));
    }

    [Fact]
    public void Query_CombinedFilters_MustAllMatch()
    {
        var page = _store.Query(new RunQuery { Kind = "backdoor", Statuses = [RunStatus.Completed], Search = "repeat" });

        Assert.Equal(["r5"], Ids(page));
        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData(RunSortField.CreatedAt, false, new[] { "r1", "r2", "r3", "r4", "r5" })]
    [InlineData(RunSortField.CreatedAt, true, new[] { "r5", "r4", "r3", "r2", "r1" })]
    [InlineData(RunSortField.Name, false, new[] { "r1", "r5", "r2", "r4", "r3" })]
    [InlineData(RunSortField.Name, true, new[] { "r3", "r4", "r2", "r5", "r1" })]
    [InlineData(RunSortField.Kind, false, new[] { "r1", "r2", "r5", "r3", "r4" })]
    [InlineData(RunSortField.Status, false, new[] { "r1", "r5", "r2", "r4", "r3" })]
    [InlineData(RunSortField.StartedAt, false, new[] { "r4", "r1", "r2", "r3", "r5" })]
    [InlineData(RunSortField.StartedAt, true, new[] { "r5", "r3", "r2", "r1", "r4" })]
    [InlineData(RunSortField.Duration, true, new[] { "r5", "r1", "r2", "r4", "r3" })]
    [InlineData(RunSortField.Headline, true, new[] { "r5", "r1", "r4", "r3", "r2" })]
    [InlineData(RunSortField.Headline, false, new[] { "r2", "r3", "r4", "r1", "r5" })]
    public void Query_SortBy_OrdersByField(RunSortField field, bool descending, string[] expected)
    {
        var page = _store.Query(new RunQuery { SortBy = field, Descending = descending });

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public void Query_SkipAndTake_ReturnsThatPage()
    {
        var page = _store.Query(new RunQuery { Descending = false, Skip = 1, Take = 2 });

        Assert.Equal(["r2", "r3"], Ids(page));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void Query_PagesByKind_CoverEveryRunOnce()
    {
        var seen = new List<string>();
        for (int skip = 0; skip < 5; skip += 2)
        {
            seen.AddRange(Ids(_store.Query(new RunQuery { SortBy = RunSortField.Kind, Skip = skip, Take = 2 })));
        }

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], seen.Order());
    }

    [Fact]
    public void Query_TakeZero_ReturnsOneRun()
    {
        Assert.Single(_store.Query(new RunQuery { Take = 0 }).Items);
    }

    [Fact]
    public void Query_TakeAboveMaximum_IsClampedTo500()
    {
        for (int i = 0; i < 520; i++)
        {
            _store.Insert(SampleRuns.Create($"bulk{i:D3}", minute: 100 + i));
        }

        var page = _store.Query(new RunQuery { Take = 10_000 });

        Assert.Equal(RunQuery.MaxTake, page.Items.Count);
        Assert.Equal(525, page.Total);
    }

    [Fact]
    public void Query_NegativeSkip_StartsAtFirstRun()
    {
        Assert.Equal("r5", _store.Query(new RunQuery { Skip = -3 }).Items[0].Id);
    }

    private static List<string> Ids(RunPage page) => page.Items.Select(run => run.Id).ToList();

    private void Insert(string id, string name, string kind, RunStatus status, int minute, int? startedMinute, int? endedMinute, double? headline)
    {
        var run = SampleRuns.Create(id, name, kind, status, minute);
        run.StartedAt = startedMinute is { } started ? SampleRuns.Epoch.AddMinutes(started) : null;
        run.EndedAt = endedMinute is { } ended ? SampleRuns.Epoch.AddMinutes(ended) : null;
        if (headline is { } value)
        {
            run.Summary = new RunSummary { HeadlineKey = "asr", Measures = [new SummaryMeasure("asr", "ASR", value, MeasureFormat.Percent)] };
        }

        _store.Insert(run);
    }
}
