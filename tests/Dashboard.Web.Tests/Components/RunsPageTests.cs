using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class RunsPageTests : ComponentTestContext
{
    [Fact]
    public void ShowsEveryRunWithItsStatus()
    {
        var runs = Server.Service<IRunStore>();
        foreach (var status in Enum.GetValues<RunStatus>())
        {
            runs.Insert(SampleRun(status));
        }

        RenderPopoverProvider();
        var page = Render<Runs>();

        // The test server's compute service may start the queued run meanwhile, so the page is compared with
        // the statuses stored at that moment rather than with the inserted ones.
        page.WaitForAssertion(() =>
        {
            var stored = runs.Query(new RunQuery()).Items.Select(run => run.Status.ToString()).Order();
            var shown = page.FindAll(".run-status").Select(chip => chip.GetAttribute("data-status") ?? "").Order();
            Assert.Equal(stored, shown);
        });
        Assert.Equal(Enum.GetValues<RunStatus>().Length, page.FindAll(".run-status").Count);
    }

    [Fact]
    public void ShowsHeadlineOfCompletedRun()
    {
        var run = SampleRun(RunStatus.Completed);
        run.Summary = new RunSummary
        {
            HeadlineKey = "average_asr",
            Measures = [new SummaryMeasure("average_asr", "Average ASR", 0.4321, MeasureFormat.Percent)],
        };
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var page = Render<Runs>();

        page.WaitForAssertion(() => Assert.Contains("Average ASR: 43.21%", page.Find(".run-row").TextContent));
    }

    [Fact]
    public void ListsNewestRunFirst()
    {
        var runs = Server.Service<IRunStore>();
        var older = SampleRun(RunStatus.Completed, "older run", minutesAgo: 10);
        var newer = SampleRun(RunStatus.Completed, "newer run", minutesAgo: 1);
        runs.Insert(older);
        runs.Insert(newer);

        RenderPopoverProvider();
        var page = Render<Runs>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".run-link").Count));
        Assert.Equal("newer run", page.FindAll(".run-link")[0].TextContent);
    }

    private static RunRecord SampleRun(RunStatus status, string? name = null, int minutesAgo = 5) => new()
    {
        Id = RunIds.Create(),
        Name = name ?? $"{status} run",
        Kind = "backdoor",
        ConfigurationJson = "{}",
        Status = status,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo),
    };
}
