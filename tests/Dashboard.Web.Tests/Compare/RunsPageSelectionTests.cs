using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Compare;

public sealed class RunsPageSelectionTests : ComponentTestContext
{
    [Fact]
    public void CompareNeedsTwoRuns()
    {
        var (first, _) = InsertRuns();
        RenderPopoverProvider();
        var page = Render<Runs>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("td[data-compare]").Count));

        Assert.True(page.Find("#compare-runs").HasAttribute("disabled"));
        Tick(page, first.Id);

        Assert.Contains("Compare (1)", page.Find("#compare-runs").TextContent);
        Assert.True(page.Find("#compare-runs").HasAttribute("disabled"));
    }

    [Fact]
    public void CompareOpensSelectionInTickOrder()
    {
        var (first, second) = InsertRuns();
        RenderPopoverProvider();
        var page = Render<Runs>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("td[data-compare]").Count));

        Tick(page, second.Id);
        Tick(page, first.Id);
        page.Find("#compare-runs").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"/compare?runs={second.Id},{first.Id}", navigation.Uri);
    }

    private static void Tick(IRenderedComponent<Runs> page, string runId) =>
        page.Find($"td[data-compare='{runId}'] input[type=checkbox]").Change(true);

    private (RunRecord First, RunRecord Second) InsertRuns()
    {
        var runs = Server.Service<IRunStore>();
        var first = Run("first");
        var second = Run("second");
        runs.Insert(first);
        runs.Insert(second);
        return (first, second);
    }

    private static RunRecord Run(string name) => new()
    {
        Id = RunIds.Create(),
        Name = name,
        Kind = "backdoor",
        ConfigurationJson = "{}",
        Status = RunStatus.Completed,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
    };
}
