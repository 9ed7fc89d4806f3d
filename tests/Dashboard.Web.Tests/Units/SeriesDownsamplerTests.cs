using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Tests.Units;

public sealed class SeriesDownsamplerTests
{
    [Fact]
    public void ShortSeriesIsReturnedWhole()
    {
        (double X, double Y)[] points = [(0, 1), (1, 2), (2, 3)];

        Assert.Equal(points, SeriesDownsampler.MinMax(points, 10));
    }

    [Fact]
    public void LongSeriesKeepsLimitAndOrder()
    {
        var points = Enumerable.Range(0, 100_000).Select(i => ((double)i, Math.Sin(i / 100.0))).ToArray();

        var reduced = SeriesDownsampler.MinMax(points, 2000);

        Assert.True(reduced.Length <= 2000);
        Assert.True(reduced.Zip(reduced.Skip(1)).All(pair => pair.First.X < pair.Second.X));
    }

    [Fact]
    public void LongSeriesKeepsSpikes()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => ((double)i, 1.0)).ToArray();
        points[4321] = (4321, 50.0);
        points[7777] = (7777, -3.0);

        var reduced = SeriesDownsampler.MinMax(points, 100);

        Assert.Contains((4321.0, 50.0), reduced);
        Assert.Contains((7777.0, -3.0), reduced);
    }
}
