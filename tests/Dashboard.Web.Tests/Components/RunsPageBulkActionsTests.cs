using Bunit;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

/// <summary>Archiving and deleting the ticked runs from the runs table.</summary>
public sealed class RunsPageBulkActionsTests : ComponentTestContext
{
    // Menus, dialogs and snackbars render inside their providers, not inside the page.
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    [Fact]
    public void DeleteSelected_AfterConfirmRemovesFinishedRun()
    {
        var finished = Insert("finished run", RunStatus.Completed);
        var running = Insert("running run", RunStatus.Running);
        var page = RenderPage();
        Tick(page, finished.Id);
        Tick(page, running.Id);

        ChooseAction(page, "#delete-selected");
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll(".mud-dialog")));
        _dialogs.FindAll(".mud-dialog button").Single(button => button.TextContent.Trim() == "Delete").Click();
        var runs = Server.Service<IRunStore>();

        page.WaitForAssertion(() => Assert.Null(runs.Find(finished.Id)));
        Assert.Equal(0, Server.Service<IMetricStore>().CountPoints(finished.Id));
        Assert.NotNull(runs.Find(running.Id));
        _snackbars.WaitForAssertion(() => Assert.Contains("Cancel them first", _snackbars.Find(".mud-snackbar").TextContent));
    }

    [Fact]
    public void DeleteSelected_KeepLeavesRun()
    {
        var finished = Insert("finished run", RunStatus.Completed);
        var page = RenderPage();
        Tick(page, finished.Id);

        ChooseAction(page, "#delete-selected");
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll(".mud-dialog")));
        _dialogs.FindAll(".mud-dialog button").Single(button => button.TextContent.Trim() == "Keep").Click();

        Assert.NotNull(Server.Service<IRunStore>().Find(finished.Id));
    }

    [Fact]
    public void ArchiveSelected_HidesRunFromList()
    {
        var finished = Insert("finished run", RunStatus.Completed);
        var page = RenderPage();
        Tick(page, finished.Id);

        ChooseAction(page, "#archive-selected");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".run-link")));
        Assert.NotNull(Server.Service<IRunStore>().Find(finished.Id)!.ArchivedAt);
    }

    private IRenderedComponent<Runs> RenderPage()
    {
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        _snackbars = Render<MudSnackbarProvider>();
        var page = Render<Runs>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".run-link")));
        return page;
    }

    private static void Tick(IRenderedComponent<Runs> page, string runId) =>
        page.Find($"td[data-compare='{runId}'] input[type=checkbox]").Change(true);

    private void ChooseAction(IRenderedComponent<Runs> page, string item)
    {
        page.Find("#selection-actions button").Click();
        _popovers.WaitForAssertion(() => Assert.NotEmpty(_popovers.FindAll(item)));
        _popovers.Find(item).Click();
    }

    private RunRecord Insert(string name, RunStatus status)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = name,
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Server.Service<IRunStore>().Insert(run);
        Server.Service<IMetricStore>().Append(run.Id, [MetricBatch.FromPoints("train/loss", [new MetricPoint(1, 0.1, 0.5, 1_760_000_000_000)])]);
        return run;
    }
}
