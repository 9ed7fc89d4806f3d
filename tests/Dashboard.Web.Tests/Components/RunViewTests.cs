using Bunit;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Runs;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class RunViewTests : ComponentTestContext
{
    [Fact]
    public void ShowsSummaryOfCompletedRun()
    {
        var run = CompletedRun();
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));

        Assert.Equal("91.25%", view.Find("#clean-accuracy").TextContent.Trim());
        Assert.Equal("50.00%", view.Find("#average-asr").TextContent.Trim());
        var patchRow = view.Find("tr[data-attack='patch']").TextContent;
        Assert.Contains("97.50%", patchRow);
        Assert.Contains("2.40%", patchRow);
        Assert.Contains("600", patchRow);
    }

    [Fact]
    public void ShowsErrorOfFailedRun()
    {
        var run = CompletedRun();
        run.Status = RunStatus.Failed;
        run.Summary = null;
        run.Error = "Fashion-MNIST not found at /nowhere.";
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));

        Assert.Equal("Fashion-MNIST not found at /nowhere.", view.Find("#run-error").TextContent.Trim());
    }

    [Fact]
    public void ReadOnlyViewHasNoControls()
    {
        var run = CompletedRun();
        run.Status = RunStatus.Running;
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id).Add(p => p.ReadOnly, true));

        Assert.Empty(view.FindAll("#cancel-run"));
        Assert.Empty(view.FindAll("#share-run"));
        Assert.Empty(view.FindAll("#clone-run"));
    }

    [Fact]
    public void RunningRunOffersCancel()
    {
        var run = CompletedRun();
        run.Status = RunStatus.Running;
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));

        Assert.Single(view.FindAll("#cancel-run"));
    }

    [Fact]
    public void ShowsNotFoundForUnknownRun()
    {
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, RunIds.Create()));

        Assert.Single(view.FindAll("#run-not-found"));
    }

    private RunRecord CompletedRun()
    {
        var kind = Server.Service<ExperimentCatalog>().Find("backdoor")!;
        return new RunRecord
        {
            Id = RunIds.Create(),
            Name = "finished run",
            Kind = "backdoor",
            ConfigurationJson = ConfigurationJson.Serialize(kind.CreateDefaultConfiguration()),
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-2),
            EndedAt = DateTimeOffset.UtcNow,
            Summary = new RunSummary
            {
                HeadlineKey = "average_asr",
                Measures =
                [
                    new("clean_accuracy", "Clean accuracy", 0.9125, MeasureFormat.Percent),
                    new("average_asr", "Average ASR", 0.5, MeasureFormat.Percent),
                    new("asr/patch", "ASR (patch)", 0.975, MeasureFormat.Percent, "patch"),
                    new("robust_accuracy/patch", "Robust accuracy (patch)", 0.024, MeasureFormat.Percent, "patch"),
                    new("poisoned/patch", "Poisoned images (patch)", 600, MeasureFormat.Integer, "patch"),
                ],
            },
        };
    }
}
