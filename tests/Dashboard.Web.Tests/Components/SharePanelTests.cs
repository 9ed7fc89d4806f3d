using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Sharing;
using Dashboard.Web.Sharing;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class SharePanelTests : ComponentTestContext
{
    [Fact]
    public void CreateShowsLinkOnceAndListsIt()
    {
        var run = InsertRun();
        RenderPopoverProvider();
        var panel = Render<SharePanel>(parameters => parameters.Add(p => p.Scope, ShareScope.ForRun(run.Id)));

        panel.Find("#create-share-link").Click();

        string link = panel.Find("#share-link").TextContent.Trim();
        var stored = Assert.Single(Server.Service<IShareLinkStore>().ListForRun(run.Id));
        Assert.Contains("/share/" + stored.TokenPrefix, link);
        var row = panel.Find($"#share-links tr[data-link='{stored.Id}']");
        Assert.Equal("active", row.GetAttribute("data-state"));
        Assert.Contains("never", row.TextContent);
        Assert.Contains(stored.TokenPrefix + "…", row.TextContent);
        Assert.DoesNotContain(link[(link.LastIndexOf('/') + 1)..], row.TextContent);
    }

    [Fact]
    public void ListShowsRevokedAndExpiredStates()
    {
        var run = InsertRun();
        var shares = Server.Service<ShareLinkService>();
        var revoked = shares.Create(ShareScope.ForRun(run.Id))!;
        shares.Revoke(revoked.Link.Id);
        var active = shares.Create(ShareScope.ForRun(run.Id), DateTimeOffset.UtcNow.AddDays(1))!;
        var expired = active.Link with { Id = "expired-link", TokenHash = new string('0', 64), ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) };
        Server.Service<IShareLinkStore>().Insert(expired);

        RenderPopoverProvider();
        var panel = Render<SharePanel>(parameters => parameters.Add(p => p.Scope, ShareScope.ForRun(run.Id)));

        Assert.Equal("revoked", panel.Find($"tr[data-link='{revoked.Link.Id}']").GetAttribute("data-state"));
        Assert.Equal("active", panel.Find($"tr[data-link='{active.Link.Id}']").GetAttribute("data-state"));
        Assert.Equal("expired", panel.Find("tr[data-link='expired-link']").GetAttribute("data-state"));
        Assert.Single(panel.FindAll(".revoke-link"));
    }

    [Fact]
    public void CreateForDeletedRunShowsError()
    {
        RenderPopoverProvider();
        var panel = Render<SharePanel>(parameters => parameters.Add(p => p.Scope, ShareScope.ForRun(RunIds.Create())));

        panel.Find("#create-share-link").Click();

        Assert.Contains("no longer exists", panel.Find("#share-error").TextContent);
        Assert.Empty(panel.FindAll("#share-link"));
    }

    private RunRecord InsertRun()
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "panel run",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Server.Service<IRunStore>().Insert(run);
        return run;
    }
}
