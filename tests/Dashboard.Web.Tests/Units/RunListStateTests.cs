using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.RunList;

namespace Dashboard.Web.Tests.Units;

public sealed class RunListStateTests
{
    [Fact]
    public void Defaults_WriteNoQuery()
    {
        Assert.Equal("/runs", new RunListState().ToUrl("/runs"));
    }

    [Fact]
    public void Url_RoundTripsEveryField()
    {
        var state = new RunListState
        {
            Search = "defence.kind:badLoss \"two words\"",
            Statuses = [RunStatus.Completed, RunStatus.Failed],
            Kind = "backdoor",
            Tags = ["paper", "sweep"],
            From = new DateOnly(2026, 1, 2),
            To = new DateOnly(2026, 2, 3),
            Archive = RunArchiveFilter.All,
            Sort = "m:test/average_asr",
            Descending = false,
            PageIndex = 3,
            PageSize = 100,
            Columns = ["tags", "m:test/average_asr"],
        };

        var parsed = RunListState.FromUri(state.ToUrl("/runs"), out var errors);

        Assert.Empty(errors);
        Assert.Equal(state.Search, parsed.Search);
        Assert.Equal(state.Statuses, parsed.Statuses);
        Assert.Equal(state.Kind, parsed.Kind);
        Assert.Equal(state.Tags, parsed.Tags);
        Assert.Equal(state.From, parsed.From);
        Assert.Equal(state.To, parsed.To);
        Assert.Equal(state.Archive, parsed.Archive);
        Assert.Equal(state.Sort, parsed.Sort);
        Assert.Equal(state.Descending, parsed.Descending);
        Assert.Equal(state.PageIndex, parsed.PageIndex);
        Assert.Equal(state.PageSize, parsed.PageSize);
        Assert.Equal(state.Columns, parsed.Columns);
    }

    [Fact]
    public void ToDate_IsInclusive()
    {
        var query = new RunListState { To = new DateOnly(2026, 2, 3) }.ToRunQuery();

        Assert.Equal(new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero), query.CreatedBefore);
    }

    [Theory]
    [InlineData("?status=Sleeping", "status")]
    [InlineData("?sort=m:bad'key", "sort")]
    [InlineData("?sort=Measure", "sort")]
    [InlineData("?from=03/02/2026", "from")]
    [InlineData("?size=0", "size")]
    [InlineData("?archived=maybe", "archived")]
    public void InvalidParameter_IsReported(string query, string field)
    {
        RunListState.FromUri(query, out var errors);

        Assert.Equal(field, Assert.Single(errors).Path);
    }
}
