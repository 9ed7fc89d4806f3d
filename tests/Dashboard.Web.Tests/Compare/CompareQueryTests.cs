using Dashboard.Core.Experiments;
using Dashboard.Web.Components.Compare;

namespace Dashboard.Web.Tests.Compare;

public sealed class CompareQueryTests
{
    [Fact]
    public void MissingValuesGiveDefaults()
    {
        Assert.Equal(CompareChartOptions.Default, CompareQuery.Read(null, null, null, null));
    }

    [Fact]
    public void ReadsEveryControl()
    {
        var options = CompareQuery.Read("0.3", "false", "true", "wallTime");

        Assert.Equal(new CompareChartOptions(ChartAxis.WallTime, LogScale: true, SmoothingWeight: 0.3, ShowRaw: false), options);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    public void InvalidSmoothingGivesDefault(string smoothing)
    {
        Assert.Equal(CompareChartOptions.Default.SmoothingWeight, CompareQuery.Read(smoothing, null, null, null).SmoothingWeight);
    }

    [Fact]
    public void SmoothingAboveMaxIsClamped()
    {
        Assert.Equal(ExponentialMovingAverage.MaxWeight, CompareQuery.Read("5", null, null, null).SmoothingWeight);
    }

    [Fact]
    public void UnknownAxisGivesStep()
    {
        Assert.Equal(ChartAxis.Step, CompareQuery.Read(null, null, null, "minutes").Axis);
    }

    [Fact]
    public void WriteOmitsDefaults()
    {
        Assert.All(CompareQuery.Write(CompareChartOptions.Default).Values, Assert.Null);
    }

    [Fact]
    public void WrittenValuesReadBack()
    {
        var options = new CompareChartOptions(ChartAxis.Epoch, LogScale: true, SmoothingWeight: 0.25, ShowRaw: false);
        var query = CompareQuery.Write(options);

        var read = CompareQuery.Read(
            (string?)query[CompareQuery.Smoothing], (string?)query[CompareQuery.Raw], (string?)query[CompareQuery.Log], (string?)query[CompareQuery.Axis]);

        Assert.Equal(options, read);
    }
}
