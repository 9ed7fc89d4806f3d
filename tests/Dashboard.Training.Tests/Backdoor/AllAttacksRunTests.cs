using System.Text.Json;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class AllAttacksRunTests(AllAttacksRunFixture run) : IClassFixture<AllAttacksRunFixture>
{
    private static readonly string[] Labels =
        ["patch", "single_pixel", "blend_random", "blend_checkerboard", "sinusoid", "narcissus", "frequency"];

    [Fact]
    public void SummaryReportsEveryAttack()
    {
        Assert.All(Labels, label => Assert.NotNull(run.Summary.Find(BackdoorSummary.AsrKey(label))));
    }

    [Fact]
    public void BoostedAsrForBlendAttacksOnly()
    {
        var boosted = run.Summary.Measures.Where(m => m.Key.StartsWith("asr_boosted/", StringComparison.Ordinal)).Select(m => m.Key);

        Assert.Equal(new[] { "asr_boosted/blend_random", "asr_boosted/blend_checkerboard", "asr_boosted/sinusoid" }, boosted);
    }

    [Fact]
    public void DrawnTargetsDistinct()
    {
        var targets = Labels.Select(label => run.Summary.Find(BackdoorSummary.TargetKey(label))!.Value).ToList();

        Assert.Equal(Labels.Length, targets.Distinct().Count());
    }

    [Fact]
    public void ArtifactMarksCleanLabelAttacks()
    {
        var attacks = Artifact().GetProperty("attacks").EnumerateArray().ToList();

        Assert.Equal(Labels, attacks.Select(a => a.GetProperty("label").GetString()));
        Assert.Equal(
            new[] { "sinusoid", "narcissus" },
            attacks.Where(a => a.GetProperty("cleanLabel").GetBoolean()).Select(a => a.GetProperty("label").GetString()));
        Assert.All(attacks, a => Assert.True(a.GetProperty("targetDrawn").GetBoolean()));
    }

    [Fact]
    public void ArtifactTargetsMatchSummary()
    {
        var attacks = Artifact().GetProperty("attacks").EnumerateArray();

        Assert.All(attacks, a => Assert.Equal(
            run.Summary.Find(BackdoorSummary.TargetKey(a.GetProperty("label").GetString()!))!.Value,
            a.GetProperty("targetClass").GetInt32()));
    }

    [Fact]
    public void CleanLabelCountsAreShareOfTargetClass()
    {
        // About 600 target-class images in the 6,000-image subset: 10% for sinusoid, 0.5% (3) for narcissus.
        Assert.InRange(run.Summary.Find(BackdoorSummary.PoisonedKey("sinusoid"))!.Value, 50, 70);
        Assert.InRange(run.Summary.Find(BackdoorSummary.PoisonedKey("narcissus"))!.Value, 2, 4);
        Assert.Equal(60, run.Summary.Find(BackdoorSummary.PoisonedKey("patch"))!.Value);
    }

    [Fact]
    public void NarcissusSynthesisLogged()
    {
        Assert.Contains(run.Context.Logs, line => line.StartsWith("Narcissus narcissus: synthesising", StringComparison.Ordinal));
        Assert.Contains(run.Context.Logs, line => line.Contains("held-out target-class images", StringComparison.Ordinal));
    }

    [Fact]
    public void NarcissusProgressReported()
    {
        Assert.Contains(run.Context.Progress, p => p.Phase == "Narcissus narcissus: trigger step 20 of 20");
    }

    [Fact]
    public void ArtifactIndicesNeverShared()
    {
        var indices = Artifact().GetProperty("attacks").EnumerateArray()
            .SelectMany(a => a.GetProperty("indices").EnumerateArray().Select(i => i.GetInt32()))
            .ToList();

        Assert.Equal(indices.Count, indices.Distinct().Count());
    }

    [Fact]
    public void CleanLabelPoisonsAreTargetClass()
    {
        var labels = FashionMnist.Load(FashionMnist.DebianPackageFolder).Training.Labels;

        foreach (var attack in Artifact().GetProperty("attacks").EnumerateArray())
        {
            int target = attack.GetProperty("targetClass").GetInt32();
            bool cleanLabel = attack.GetProperty("cleanLabel").GetBoolean();
            Assert.All(attack.GetProperty("indices").EnumerateArray(), index => Assert.Equal(cleanLabel, labels[index.GetInt32()] == target));
        }
    }

    private JsonElement Artifact()
    {
        var (_, content) = run.Context.Artifacts[PoisonedIndicesArtifact.Name];
        return JsonDocument.Parse(content).RootElement;
    }
}
