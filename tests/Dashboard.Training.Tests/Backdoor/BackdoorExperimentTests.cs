using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorExperimentTests
{
    private readonly BackdoorExperiment _kind = new();

    [Fact]
    public void IdIsBackdoor()
    {
        Assert.Equal("backdoor", _kind.Id);
    }

    [Fact]
    public void DescriptionCitesPaper()
    {
        Assert.Contains("Protecting against simultaneous data poisoning attacks", _kind.Description);
        Assert.Contains("arXiv 2408.13221", _kind.Description);
    }

    [Fact]
    public void HeadlineIsAverageAsr()
    {
        Assert.Equal(BackdoorSummary.AverageAsrKey, _kind.HeadlineMeasure);
    }

    [Fact]
    public void PresetIdsUnique()
    {
        Assert.Equal(_kind.Presets.Count, _kind.Presets.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void PresetsCreateFreshConfigurations()
    {
        var preset = _kind.Presets.Single(p => p.Id == BackdoorPresets.ReferenceId);

        Assert.NotSame(preset.Create(), preset.Create());
    }

    [Fact]
    public void QuickCheckIsSmall()
    {
        var quick = (BackdoorConfiguration)_kind.Presets.Single(p => p.Id == BackdoorPresets.QuickCheckId).Create();

        Assert.Equal(1, quick.Epochs);
        Assert.InRange(quick.TrainingSubsetSize, 1, 10_000);
    }

    [Fact]
    public void ChartPatternsAreValidNames()
    {
        var patterns = _kind.Charts.SelectMany(chart => chart.MetricPatterns);

        Assert.All(patterns, pattern => Assert.True(MetricNames.IsValid(pattern.TrimEnd('*')), pattern));
    }

    [Fact]
    public void AsrChartExcludesAverageFromPrefix()
    {
        var asrChart = _kind.Charts.Single(chart => chart.Title == "Attack success rate");

        Assert.Equal(ChartAxis.Epoch, asrChart.XAxis);
        Assert.False(MetricNames.Matches(asrChart.MetricPatterns[0], BackdoorMetrics.AverageAsr));
    }
}
