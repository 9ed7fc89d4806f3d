using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.RunList;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

/// <summary>The runs table restores its search, filters, columns, sort and page from the URL, and writes them back.</summary>
public sealed class RunsPageUrlStateTests : ComponentTestContext
{
    private const string BookmarkedView = "/runs?q=tag:paper&status=Completed&sort=m:average_asr&dir=asc&page=2&size=25&cols=status,m:average_asr";

    [Fact]
    public void Bookmark_RestoresSearchAndColumns()
    {
        InsertRuns();
        Services.GetRequiredService<NavigationManager>().NavigateTo(BookmarkedView);

        RenderPopoverProvider();
        var page = Render<Runs>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".run-link").Count));
        Assert.Equal("tag:paper", page.Find("#run-search").GetAttribute("value"));
        Assert.Equal(["status", "m:average_asr"], page.FindAll("th[data-column]").Select(header => header.GetAttribute("data-column")));
    }

    [Fact]
    public void Bookmark_RestoresFilterSortAndPage()
    {
        InsertRuns();
        Services.GetRequiredService<NavigationManager>().NavigateTo(BookmarkedView);

        RenderPopoverProvider();
        var page = Render<Runs>();

        // 30 completed runs tagged paper, ordered by average ASR ascending: page 2 of 25 shows the last five.
        page.WaitForAssertion(() => Assert.Equal(
            ["paper 25", "paper 26", "paper 27", "paper 28", "paper 29"],
            page.FindAll(".run-link").Select(link => link.TextContent)));
        Assert.All(page.FindAll("td[data-column='m:average_asr']"), cell => Assert.EndsWith("%", cell.TextContent.Trim()));
    }

    [Fact]
    public void Bookmark_KeepsStateInUrl()
    {
        InsertRuns();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(BookmarkedView);

        RenderPopoverProvider();
        var page = Render<Runs>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".run-link").Count));
        var restored = RunListState.FromUri(navigation.Uri, out var errors);

        Assert.Empty(errors);
        Assert.Equal("tag:paper", restored.Search);
        Assert.Equal([RunStatus.Completed], restored.Statuses);
        Assert.Equal("m:average_asr", restored.Sort);
        Assert.False(restored.Descending);
        Assert.Equal(1, restored.PageIndex);
        Assert.Equal(["status", "m:average_asr"], restored.Columns);
    }

    [Fact]
    public void SearchChange_WritesUrlAndFirstPage()
    {
        InsertRuns();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(BookmarkedView);

        RenderPopoverProvider();
        var page = Render<Runs>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".run-link").Count));
        page.Find("#run-search").Input("learningRate:0.01");

        page.WaitForAssertion(() => Assert.Contains("q=learningRate%3A0.01", navigation.Uri));
        Assert.DoesNotContain("page=", navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".run-link").Count));
    }

    [Fact]
    public void ArchivedView_ShowsOnlyArchivedRuns()
    {
        InsertRuns();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/runs?archived=archived");

        RenderPopoverProvider();
        var page = Render<Runs>();

        page.WaitForAssertion(() => Assert.Equal(["archived run"], page.FindAll(".run-link").Select(link => link.TextContent)));
        Assert.Single(page.FindAll(".run-archived"));
    }

    /// <summary>Stores 30 completed runs tagged paper (ASR rising with the number), 10 untagged ones and an archived one.</summary>
    private void InsertRuns()
    {
        var runs = Server.Service<IRunStore>();
        for (int i = 0; i < 30; i++)
        {
            runs.Insert(Run($"paper {i:D2}", ["paper"], asr: 0.01 * (i + 1), learningRate: 0.001));
        }

        for (int i = 0; i < 10; i++)
        {
            runs.Insert(Run($"other {i}", [], asr: 0.5, learningRate: 0.01));
        }

        var archived = Run("archived run", ["paper"], asr: 0.9, learningRate: 0.001);
        archived.ArchivedAt = DateTimeOffset.UtcNow;
        runs.Insert(archived);
    }

    private static RunRecord Run(string name, List<string> tags, double asr, double learningRate) => new()
    {
        Id = RunIds.Create(),
        Name = name,
        Kind = "backdoor",
        ConfigurationJson = $$"""{"learningRate":{{learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""",
        Status = RunStatus.Completed,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        Tags = tags,
        Summary = new RunSummary
        {
            HeadlineKey = "average_asr",
            Measures = [new SummaryMeasure("average_asr", "Average ASR", asr, MeasureFormat.Percent)],
        },
    };
}
