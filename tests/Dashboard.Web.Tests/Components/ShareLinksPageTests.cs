using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Sharing;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class ShareLinksPageTests : ComponentTestContext
{
    [Fact]
    public void ListsLinksOfEveryScopeNewestFirst()
    {
        var first = InsertRun();
        var second = InsertRun();
        var shares = Server.Service<ShareLinkService>();
        var runLink = shares.Create(ShareScope.ForRun(first.Id))!;
        var comparisonLink = shares.Create(ShareScope.ForComparison([first.Id, second.Id]))!;

        RenderPopoverProvider();
        var page = Render<ShareLinksPage>();
        var rows = page.FindAll("#share-links tbody tr");

        Assert.Equal(2, rows.Count);
        Assert.Equal(comparisonLink.Link.Id, rows[0].GetAttribute("data-link"));
        Assert.Equal(runLink.Link.Id, rows[1].GetAttribute("data-link"));
        Assert.Contains("comparison of 2 runs", rows[0].TextContent);
        Assert.Contains($"run {first.Id}", rows[1].TextContent);
        Assert.Contains("not yet", rows[1].TextContent);
    }

    [Fact]
    public void ShowsLastUseAfterLinkOpens()
    {
        var run = InsertRun();
        var shares = Server.Service<ShareLinkService>();
        var created = shares.Create(ShareScope.ForRun(run.Id))!;
        shares.Open(created.Token);

        RenderPopoverProvider();
        var page = Render<ShareLinksPage>();

        Assert.DoesNotContain("not yet", page.Find($"tr[data-link='{created.Link.Id}']").TextContent);
    }

    [Fact]
    public void EmptyListSaysSo()
    {
        RenderPopoverProvider();
        var page = Render<ShareLinksPage>();

        Assert.Single(page.FindAll("#share-links-empty"));
    }

    private RunRecord InsertRun()
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "listed run",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Server.Service<IRunStore>().Insert(run);
        return run;
    }
}
