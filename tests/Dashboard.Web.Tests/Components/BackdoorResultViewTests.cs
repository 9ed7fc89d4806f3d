using System.Text;
using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Results;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class BackdoorResultViewTests : ComponentTestContext
{
    // A 1x1 grey PNG.
    private const string Pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

    [Fact]
    public void ShowsDetectionMeasuresPerAttack()
    {
        var view = RenderView(RunIds.Create(), withArtifacts: false);

        var patchRow = view.Find("tr[data-attack='patch']").TextContent;
        Assert.Contains("80.00%", patchRow);
        Assert.Contains("95.00%", patchRow);
        Assert.Contains("0.97", view.Find("#detection-auc").TextContent);
        Assert.Contains("88.00%", view.Find("#before-defence").TextContent);
    }

    [Fact]
    public void ShowsHistogramAndPicturesFromArtifacts()
    {
        string runId = RunIds.Create();

        var view = RenderView(runId, withArtifacts: true);

        Assert.Single(view.FindAll("[data-chart='score-histogram']"));
        Assert.Equal(2, view.FindAll("[data-grid='removed-examples'] img").Count);
        Assert.Contains("patch", view.Find("[data-grid='removed-examples']").TextContent);
    }

    [Fact]
    public void SkipsPicturesThatAreNotPngDataUris()
    {
        string runId = RunIds.Create();
        Save(runId, "removed-examples.json", """
            {"title":"Removed","examples":[{"index":1,"givenLabel":0,"trueLabel":3,"attack":null,"score":0.5,"image":"javascript:alert(1)"}]}
            """);

        var view = RenderView(runId, withArtifacts: false);

        Assert.Empty(view.FindAll("[data-grid='removed-examples'] img"));
    }

    [Fact]
    public void RunWithoutDefenceHasNoDetectionColumns()
    {
        var summary = new RunSummary
        {
            HeadlineKey = "average_asr",
            Measures = [new("asr/patch", "ASR (patch)", 0.9, MeasureFormat.Percent, "patch"), new("average_asr", "Average ASR", 0.9, MeasureFormat.Percent)],
        };

        var view = Render<BackdoorResultView>(parameters => parameters.Add(p => p.Summary, summary).Add(p => p.RunId, RunIds.Create()));

        Assert.DoesNotContain("precision", view.Find("#attack-table").TextContent);
        Assert.Empty(view.FindAll("#detection-auc"));
    }

    [Fact]
    public void LiveViewShowsFindingsOnceSaved()
    {
        string runId = RunIds.Create();
        var live = Render<BackdoorLiveView>(parameters => parameters.Add(p => p.RunId, runId));
        Assert.Empty(live.FindAll("#live-findings"));

        SaveFindings(runId);

        live.WaitForAssertion(() => Assert.Single(live.FindAll("#live-findings")), DefenceFindingsView.PollInterval * 5);
        Assert.Single(live.FindAll("[data-chart='score-histogram']"));
        Assert.Equal(2, live.FindAll("[data-grid='removed-examples'] img").Count);
    }

    [Fact]
    public void RegistryFindsBackdoorLiveView()
    {
        var registry = new ResultViewRegistry();

        Assert.Equal(typeof(BackdoorLiveView), registry.FindLive("backdoor"));
        Assert.Null(registry.FindLive("no-such-kind"));
    }

    private IRenderedComponent<BackdoorResultView> RenderView(string runId, bool withArtifacts)
    {
        if (withArtifacts)
        {
            SaveFindings(runId);
        }

        var summary = new RunSummary
        {
            HeadlineKey = "average_asr",
            Measures =
            [
                new("clean_accuracy", "Clean accuracy", 0.86, MeasureFormat.Percent),
                new("average_asr", "Average ASR", 0.04, MeasureFormat.Percent),
                new("asr/patch", "ASR (patch)", 0.04, MeasureFormat.Percent, "patch"),
                new("detection/precision/patch", "Precision (patch)", 0.8, MeasureFormat.Percent, "patch"),
                new("detection/recall/patch", "Recall (patch)", 0.95, MeasureFormat.Percent, "patch"),
                new("detection/auc", "Detection ROC AUC", 0.97, MeasureFormat.Number),
                new("before/clean_accuracy", "Clean accuracy before", 0.88, MeasureFormat.Percent),
                new("before/average_asr", "Average ASR before", 0.93, MeasureFormat.Percent),
            ],
        };
        return Render<BackdoorResultView>(parameters => parameters.Add(p => p.Summary, summary).Add(p => p.RunId, runId));
    }

    private void SaveFindings(string runId)
    {
        Save(runId, "score-histogram.json", """
            {"defence":"badLoss","scoreName":"BaDLoss rank score","binEdges":[0,0.5,1],
             "groups":[{"name":"clean","counts":[90,10]},{"name":"patch","counts":[1,9]}]}
            """);
        Save(runId, "removed-examples.json", $$"""
            {"title":"Removed examples","examples":[
              {"index":4,"givenLabel":0,"trueLabel":7,"attack":"patch","score":0.99,"image":"{{Pixel}}"},
              {"index":9,"givenLabel":3,"trueLabel":3,"attack":null,"score":0.95,"image":"{{Pixel}}"}]}
            """);
    }

    private void Save(string runId, string name, string json) =>
        Server.Service<IArtifactStore>().Save(runId, name, "application/json", Encoding.UTF8.GetBytes(json));
}
