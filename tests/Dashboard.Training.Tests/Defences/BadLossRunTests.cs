using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Defences.Artifacts;

namespace Dashboard.Training.Tests.Defences;

public sealed class BadLossRunTests(BadLossRunFixture run) : IClassFixture<BadLossRunFixture>
{
    // Measured with this configuration (seed 1, 2 libtorch threads, 2-core x86-64 CPU). Removing the top 10%
    // gave precision 42.8% for poisoned examples, where chance is 10% because 10% of the set is poisoned.
    // ROC AUC was 0.881, and average ASR fell from 67.5% (trajectory model) to 5.0% after retraining.
    private const double MinimumPrecision = 0.30;
    private const double MinimumAuc = 0.80;
    private const double MaximumAverageAsr = 0.25;

    /// <summary>Steps per trajectory epoch: ceil((6,000 images + 250 probe copies) / 128).</summary>
    private const int TrajectoryStepsPerEpoch = 49;

    /// <summary>Steps per retraining epoch: ceil(5,400 kept images / 128).</summary>
    private const int RetrainingStepsPerEpoch = 43;

    [Fact]
    public void RemovedPrecisionAboveThreshold()
    {
        Assert.InRange(run.Summary.Find(DefenceSummary.PrecisionKey)!.Value, MinimumPrecision, 1.0);
    }

    [Fact]
    public void DetectionAucAboveThreshold()
    {
        Assert.InRange(run.Summary.Find(DefenceSummary.AucKey)!.Value, MinimumAuc, 1.0);
    }

    [Fact]
    public void RetrainedModelResistsAttacks()
    {
        Assert.InRange(run.Summary.Find(BackdoorSummary.AverageAsrKey)!.Value, 0, MaximumAverageAsr);
    }

    [Fact]
    public void DefenceLowersAverageAsr()
    {
        double before = run.Summary.Find(DefenceSummary.BeforeAverageAsrKey)!.Value;
        double after = run.Summary.Find(BackdoorSummary.AverageAsrKey)!.Value;

        Assert.True(after < before, $"Average ASR went from {before} before the defence to {after} after it.");
    }

    [Fact]
    public void RemovesConfiguredFraction()
    {
        Assert.Equal(600, run.Summary.Find(DefenceSummary.RemovedKey)!.Value);
    }

    [Fact]
    public void SummaryHasDetectionMeasures()
    {
        string[] expected =
        [
            "before/average_asr", "before/clean_accuracy", "defence/seconds", "detection/auc",
            "detection/auc/blend_random", "detection/auc/patch", "detection/precision",
            "detection/precision/blend_random", "detection/precision/patch", "detection/recall",
            "detection/recall/blend_random", "detection/recall/patch", "detection/removed",
        ];

        var keys = run.Summary.Measures.Select(m => m.Key).Where(key => key.StartsWith("detection/") || key.StartsWith("before/") || key.StartsWith("defence/"));
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AttackMeasuresGroupedByLabel()
    {
        var patch = run.Summary.Measures.Where(m => m.Group == "patch" && m.Key.StartsWith("detection/")).Select(m => (m.Key, m.Format));

        Assert.Equal(
            new[] { ("detection/auc/patch", MeasureFormat.Number), ("detection/precision/patch", MeasureFormat.Percent), ("detection/recall/patch", MeasureFormat.Percent) },
            patch);
    }

    [Fact]
    public void HeadlineStaysAverageAsr()
    {
        Assert.Equal(BackdoorSummary.AverageAsrKey, run.Summary.Headline!.Key);
    }

    [Theory]
    [InlineData("badloss/loss/clean_probes")]
    [InlineData("badloss/loss/clean")]
    [InlineData("badloss/loss/patch")]
    [InlineData("badloss/loss/blend_random")]
    [InlineData("badloss/loss_std/clean_probes")]
    [InlineData("badloss/loss_std/clean")]
    [InlineData("badloss/loss_std/patch")]
    [InlineData("badloss/loss_std/blend_random")]
    public void GroupLossReportedEveryTrajectoryEpoch(string metric)
    {
        var points = run.Context.Series(metric);

        Assert.Equal(Enumerable.Range(1, BadLossRunFixture.TrajectoryEpochs).Select(e => (double)e), points.Select(p => p.Epoch));
        Assert.Equal(Enumerable.Range(1, BadLossRunFixture.TrajectoryEpochs).Select(e => (long)e * TrajectoryStepsPerEpoch), points.Select(p => p.Step));
    }

    [Fact]
    public void ProbesTrackCleanExamples()
    {
        // The probes are a sample of the clean images, so their mean loss follows the clean examples', while the
        // relabelled poisons keep a high loss until their trigger is learned.
        double clean = run.Context.Series("badloss/loss/clean")[1].Value;
        double probes = run.Context.Series("badloss/loss/clean_probes")[1].Value;
        double patch = run.Context.Series("badloss/loss/patch")[1].Value;

        Assert.True(Math.Abs(probes - clean) < Math.Abs(patch - clean), $"After epoch 2: clean {clean}, probes {probes}, patch poisons {patch}.");
    }

    [Fact]
    public void LiveTensorsFlatAcrossTrajectoryEpochs()
    {
        var live = run.LiveTensorsAfterTrajectoryEpoch;

        Assert.Equal(BadLossRunFixture.TrajectoryEpochs, live.Count);
        Assert.All(live, count => Assert.Equal(live[0], count));
    }

    [Fact]
    public void DefenceLossReportedEveryTrajectoryStep()
    {
        var loss = run.Context.Series(DefenceMetrics.TrainLoss);

        Assert.Equal(Enumerable.Range(1, TrajectoryStepsPerEpoch * BadLossRunFixture.TrajectoryEpochs).Select(s => (long)s), loss.Select(p => p.Step));
    }

    [Fact]
    public void TrainLossIsRetrainingOnly()
    {
        var loss = run.Context.Series(BackdoorMetrics.TrainLoss);

        Assert.Equal(RetrainingStepsPerEpoch * BadLossRunFixture.Epochs, loss.Count);
    }

    [Fact]
    public void TestMetricsAfterRetrainingEpochs()
    {
        var points = run.Context.Series(BackdoorMetrics.AverageAsr);

        Assert.Equal(new[] { 1.0, 2.0 }, points.Select(p => p.Epoch));
    }

    [Fact]
    public void ScoresSavedBeforeRetraining()
    {
        int firstRetrainingPoint = run.Context.Metrics.FindIndex(m => m.Metric == BackdoorMetrics.TrainLoss);

        Assert.True(firstRetrainingPoint > 0);
        Assert.InRange(run.Context.MetricsBeforeArtifact["score-histogram.json"], 1, firstRetrainingPoint);
        Assert.InRange(run.Context.MetricsBeforeArtifact["removed-examples.json"], 1, firstRetrainingPoint);
    }

    [Fact]
    public void DefenceChartsHaveData()
    {
        var metrics = run.Context.Metrics.Select(m => m.Metric).Distinct().ToList();
        var patterns = DefenceCharts.All.SelectMany(chart => chart.MetricPatterns).Where(pattern => pattern != DefenceMetrics.UnlearningLoss);

        Assert.All(patterns, pattern => Assert.Contains(metrics, metric => MetricNames.Matches(pattern, metric)));
    }

    [Fact]
    public void ProgressNamesPhases()
    {
        var phases = run.Context.Progress.Select(p => p.Phase).ToList();

        Assert.Contains("trajectory epoch 3 of 6", phases);
        Assert.Contains("scoring", phases);
        Assert.Contains("retraining epoch 2 of 2", phases);
    }

    [Fact]
    public void ProgressRisesToOne()
    {
        var fractions = run.Context.Progress.Select(p => p.Fraction).ToList();

        Assert.Equal(fractions.Order(), fractions);
        Assert.Equal(1.0, fractions[^1]);
    }

    [Fact]
    public void HistogramCountsEveryTrainingImage()
    {
        using var document = Artifact(ScoreHistogramArtifact.Name);
        var root = document.RootElement;
        int bins = root.GetProperty("binEdges").GetArrayLength() - 1;
        var groups = root.GetProperty("groups").EnumerateArray().ToList();

        Assert.Equal("badLoss", root.GetProperty("defence").GetString());
        Assert.Equal("BaDLoss rank score", root.GetProperty("scoreName").GetString());
        Assert.Equal(20, bins);
        Assert.Equal(new[] { "clean", "patch", "blend_random" }, groups.Select(g => g.GetProperty("name").GetString()));
        Assert.All(groups, group => Assert.Equal(bins, group.GetProperty("counts").GetArrayLength()));
        Assert.Equal(BadLossRunFixture.SubsetSize, groups.Sum(g => g.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32())));
        Assert.Equal(300, groups[1].GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
    }

    [Fact]
    public void RemovedExamplesHighestScoreFirst()
    {
        using var document = Artifact(ExampleGalleryArtifact.RemovedName);
        var examples = document.RootElement.GetProperty("examples").EnumerateArray().ToList();
        var scores = examples.Select(e => e.GetProperty("score").GetDouble()).ToList();

        Assert.Equal(64, examples.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(examples, e => Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", e.GetProperty("image").GetString()));
    }

    [Fact]
    public void RemovedPoisonsShowTrueLabel()
    {
        using var document = Artifact(ExampleGalleryArtifact.RemovedName);
        var poisons = document.RootElement.GetProperty("examples").EnumerateArray()
            .Where(e => e.GetProperty("attack").ValueKind == JsonValueKind.String)
            .ToList();

        Assert.NotEmpty(poisons);
        Assert.All(poisons, e => Assert.NotEqual(e.GetProperty("trueLabel").GetInt32(), e.GetProperty("givenLabel").GetInt32()));
    }

    [Fact]
    public void SurvivingPoisonsAreAllPoisoned()
    {
        using var document = Artifact(ExampleGalleryArtifact.SurvivingPoisonsName);
        var examples = document.RootElement.GetProperty("examples").EnumerateArray().ToList();

        Assert.Equal(64, examples.Count);
        Assert.All(examples, e => Assert.Contains(e.GetProperty("attack").GetString(), new[] { "patch", "blend_random" }));
    }

    [Fact]
    public void ExampleIndicesMatchPoisonedIndices()
    {
        using var poisoned = Artifact(PoisonedIndicesArtifact.Name);
        using var surviving = Artifact(ExampleGalleryArtifact.SurvivingPoisonsName);
        var patchIndices = poisoned.RootElement.GetProperty("attacks")[0].GetProperty("indices").EnumerateArray().Select(i => i.GetInt32()).ToHashSet();

        var survivingPatch = surviving.RootElement.GetProperty("examples").EnumerateArray().Where(e => e.GetProperty("attack").GetString() == "patch");

        Assert.All(survivingPatch, e => Assert.Contains(e.GetProperty("index").GetInt32(), patchIndices));
    }

    private JsonDocument Artifact(string name)
    {
        var (contentType, content) = run.Context.Artifacts[name];
        Assert.Equal("application/json", contentType);
        return JsonDocument.Parse(content);
    }
}
