using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Web.Components.Compare;

namespace Dashboard.Web.Tests.Compare;

public sealed class CompareChartSectionsTests
{
    private static readonly IReadOnlyList<ChartSpec> Specs =
    [
        new("Training loss", ["train/loss"], ChartAxis.Step, "Cross-entropy"),
        new("Accuracy", ["test/*"], ChartAxis.Epoch, "Accuracy", MeasureFormat.Percent),
    ];

    [Fact]
    public void SpecsGroupTheirMetrics()
    {
        var sections = CompareChartSections.For(["train/loss", "test/b", "test/a", "time/epoch_seconds"], [Specs]);

        Assert.Equal(["Training loss", "Accuracy", "time/epoch_seconds"], sections.Select(section => section.Title));
        Assert.Equal(["test/a", "test/b"], sections[1].Metrics);
    }

    [Fact]
    public void EpochSpecIsSparse()
    {
        var sections = CompareChartSections.For(["train/loss", "test/a"], [Specs]);

        Assert.False(sections[0].Sparse);
        Assert.True(sections[1].Sparse);
    }

    [Fact]
    public void UncoveredMetricFollowsSparseRule()
    {
        var sections = CompareChartSections.For(["time/epoch_seconds", "custom/dense"], [Specs], metric => metric.StartsWith("time/", StringComparison.Ordinal));

        Assert.True(sections.Single(section => section.Title == "time/epoch_seconds").Sparse);
        Assert.False(sections.Single(section => section.Title == "custom/dense").Sparse);
    }

    [Fact]
    public void UncoveredMetricDenseByDefault()
    {
        var sections = CompareChartSections.For(["time/epoch_seconds"], [Specs]);

        Assert.False(Assert.Single(sections).Sparse);
    }
}
