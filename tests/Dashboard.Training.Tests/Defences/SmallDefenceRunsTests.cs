using System.Text.Json;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Training.Defences.Artifacts;
using Dashboard.Training.Defences.BadLoss;

namespace Dashboard.Training.Tests.Defences;

public sealed class SmallDefenceRunsTests(SmallDefenceRunsFixture runs) : IClassFixture<SmallDefenceRunsFixture>
{
    public static TheoryData<DefenceKind> Kinds =>
    [
        DefenceKind.SpectralSignatures, DefenceKind.ActivationClustering, DefenceKind.AntiBackdoorLearning, DefenceKind.BadLoss,
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SummaryHasDetectionAuc(DefenceKind kind)
    {
        Assert.InRange(runs.Runs[kind].Summary.Find(DefenceSummary.AucKey)!.Value, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SummaryHasBeforeMeasures(DefenceKind kind)
    {
        Assert.NotNull(runs.Runs[kind].Summary.Find(DefenceSummary.BeforeAverageAsrKey));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ArtifactsSaved(DefenceKind kind)
    {
        var artifacts = runs.Runs[kind].Context.Artifacts;

        Assert.Contains(ScoreHistogramArtifact.Name, artifacts.Keys);
        Assert.Contains(ExampleGalleryArtifact.RemovedName, artifacts.Keys);
        Assert.Contains(ExampleGalleryArtifact.SurvivingPoisonsName, artifacts.Keys);
        Assert.Contains(PoisonedIndicesArtifact.Name, artifacts.Keys);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void HistogramNamesDefence(DefenceKind kind)
    {
        using var document = JsonDocument.Parse(runs.Runs[kind].Context.Artifacts[ScoreHistogramArtifact.Name].Content);

        Assert.Equal(Dashboard.Core.Configuration.ConfigurationSchema.EnumJsonValue(kind), document.RootElement.GetProperty("defence").GetString());
    }

    [Fact]
    public void SpectralRemovesFractionOfEveryClass()
    {
        // 15% of every class, rounded per class, out of 2,000 images: about 300.
        double removed = runs.Runs[DefenceKind.SpectralSignatures].Summary.Find(DefenceSummary.RemovedKey)!.Value;

        Assert.InRange(removed, 295, 305);
    }

    [Fact]
    public void SpectralRetrainsOnKeptImages()
    {
        var run = runs.Runs[DefenceKind.SpectralSignatures];
        int kept = SmallDefenceRunsFixture.SubsetSize - (int)run.Summary.Find(DefenceSummary.RemovedKey)!.Value;

        Assert.Equal((kept + 127) / 128, run.Context.Series(BackdoorMetrics.TrainLoss).Count);
    }

    [Fact]
    public void ClusteringLogsEveryClass()
    {
        var logs = runs.Runs[DefenceKind.ActivationClustering].Context.Logs;

        Assert.Equal(10, logs.Count(line => line.StartsWith("Activation Clustering: class ", StringComparison.Ordinal)));
    }

    [Fact]
    public void AblIsolatesOnePercent()
    {
        Assert.Equal(20, runs.Runs[DefenceKind.AntiBackdoorLearning].Summary.Find(DefenceSummary.RemovedKey)!.Value);
    }

    [Fact]
    public void AblTestCurvesContinueThroughUnlearning()
    {
        var points = runs.Runs[DefenceKind.AntiBackdoorLearning].Context.Series(BackdoorMetrics.AverageAsr);

        Assert.Equal(new[] { 1.0, 2.0 }, points.Select(p => p.Epoch));
        Assert.Equal(points.Select(p => p.Step).Order(), points.Select(p => p.Step));
    }

    [Fact]
    public void AblReportsUnlearningLoss()
    {
        var run = runs.Runs[DefenceKind.AntiBackdoorLearning];
        var loss = run.Context.Series(DefenceMetrics.UnlearningLoss);

        // 20 isolated images make one batch in the one unlearning epoch, reported after the final training's steps.
        var point = Assert.Single(loss);
        Assert.Equal(run.Context.Series(BackdoorMetrics.TrainLoss)[^1].Step + 1, point.Step);
    }

    [Fact]
    public void BackdoorProbeVariantReportsProbeGroup()
    {
        var points = runs.Runs[DefenceKind.BadLoss].Context.Series(DefenceMetrics.BadLossMean(DefenceMetrics.BackdoorProbesGroup));

        Assert.Equal(new[] { 1.0, 2.0 }, points.Select(p => p.Epoch));
    }

    [Fact]
    public void BackdoorProbeVariantNamesItsScore()
    {
        using var document = JsonDocument.Parse(runs.Runs[DefenceKind.BadLoss].Context.Artifacts[ScoreHistogramArtifact.Name].Content);

        Assert.Equal(BadLossDefence.TwoClassScoreName, document.RootElement.GetProperty("scoreName").GetString());
    }

    [Fact]
    public void ProgressEndsAtOneForEveryDefence()
    {
        Assert.All(runs.Runs.Values, run => Assert.Equal(1.0, run.Context.Progress[^1].Fraction));
    }
}
