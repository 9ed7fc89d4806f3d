using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorSummaryTests
{
    private static readonly AttackPoisons[] Plan =
    [
        new(0, "patch", AttackSettings.Create(AttackType.Patch, targetClass: 0), [1, 2]),
        new(1, "sinusoid", AttackSettings.CreateDrawn(AttackType.Sinusoid), [3]) { TargetClass = 6 },
        new(2, "wanet", AttackSettings.Create(AttackType.WaNet, targetClass: 1), [4]) { NoiseIndices = [5, 6] },
    ];

    private static readonly BackdoorEvaluation Evaluation = new(
        0.9,
        [
            new AttackOutcome(0.8, 0.1, 100),
            new AttackOutcome(0.2, 0.7, 100) { BoostedAttackSuccessRate = 0.6 },
            new AttackOutcome(0.5, 0.4, 100),
        ]);

    [Fact]
    public void BoostedAsrOnlyForBlendAttacks()
    {
        var summary = BackdoorSummary.Create(Plan, Evaluation, 1.0);

        var boosted = summary.Measures.Where(m => m.Key.StartsWith("asr_boosted/", StringComparison.Ordinal)).ToList();

        var measure = Assert.Single(boosted);
        Assert.Equal(("asr_boosted/sinusoid", 0.6, MeasureFormat.Percent, "sinusoid"), (measure.Key, measure.Value, measure.Format, measure.Group));
    }

    [Fact]
    public void DrawnTargetReported()
    {
        var summary = BackdoorSummary.Create(Plan, Evaluation, 1.0);

        Assert.Equal(6, summary.Find("target/sinusoid")!.Value);
    }

    [Fact]
    public void NoiseImagesReportedForWaNet()
    {
        var summary = BackdoorSummary.Create(Plan, Evaluation, 1.0);

        Assert.Equal(2, summary.Find("noise/wanet")!.Value);
        Assert.Null(summary.Find("noise/patch"));
    }

    [Fact]
    public void ReportEvaluationAddsBoostedMetric()
    {
        var context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());

        BackdoorMetrics.ReportEvaluation(context, Plan, Evaluation, step: 10, epoch: 1);

        string[] expected =
        [
            "test/clean_accuracy", "test/asr/patch", "test/robust_accuracy/patch", "test/asr/sinusoid", "test/asr_boosted/sinusoid",
            "test/robust_accuracy/sinusoid", "test/asr/wanet", "test/robust_accuracy/wanet", "test/average_asr",
        ];
        Assert.Equal(expected, context.Metrics.Select(m => m.Metric));
        Assert.Equal(0.6, context.Series("test/asr_boosted/sinusoid").Single().Value);
    }
}
