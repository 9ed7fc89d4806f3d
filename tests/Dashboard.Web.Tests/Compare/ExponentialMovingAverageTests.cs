using Dashboard.Web.Components.Compare;

namespace Dashboard.Web.Tests.Compare;

public sealed class ExponentialMovingAverageTests
{
    private static readonly (double X, double Y)[] Curve = [(0, 1), (1, 3), (2, 2), (3, 6)];

    [Fact]
    public void HalfWeightMatchesHandComputedValues()
    {
        // s0 = 1; s1 = 0.5*1 + 0.5*3 = 2; s2 = 0.5*2 + 0.5*2 = 2; s3 = 0.5*2 + 0.5*6 = 4.
        var smoothed = ExponentialMovingAverage.Smooth(Curve, 0.5);

        Assert.Equal([1.0, 2.0, 2.0, 4.0], smoothed.Select(p => p.Y));
    }

    [Fact]
    public void HighWeightMatchesHandComputedValues()
    {
        // s0 = 1; s1 = 0.9*1 + 0.1*3 = 1.2; s2 = 0.9*1.2 + 0.1*2 = 1.28; s3 = 0.9*1.28 + 0.1*6 = 1.752.
        var smoothed = ExponentialMovingAverage.Smooth(Curve, 0.9);

        Assert.Equal(1.0, smoothed[0].Y, 12);
        Assert.Equal(1.2, smoothed[1].Y, 12);
        Assert.Equal(1.28, smoothed[2].Y, 12);
        Assert.Equal(1.752, smoothed[3].Y, 12);
    }

    [Fact]
    public void ZeroWeightKeepsCurve()
    {
        var smoothed = ExponentialMovingAverage.Smooth(Curve, 0);

        Assert.Equal(Curve, smoothed);
    }

    [Fact]
    public void SmoothingKeepsXValues()
    {
        var smoothed = ExponentialMovingAverage.Smooth(Curve, 0.7);

        Assert.Equal(Curve.Select(p => p.X), smoothed.Select(p => p.X));
    }

    [Fact]
    public void NaNStaysAndSkipsAverage()
    {
        // The NaN is drawn as a gap; the next value averages with the last finite one: 0.5*2 + 0.5*4 = 3.
        var smoothed = ExponentialMovingAverage.Smooth([(0, 2), (1, double.NaN), (2, 4)], 0.5);

        Assert.Equal(2.0, smoothed[0].Y);
        Assert.True(double.IsNaN(smoothed[1].Y));
        Assert.Equal(3.0, smoothed[2].Y);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.995)]
    [InlineData(1.0)]
    public void WeightOutsideRangeThrows(double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialMovingAverage.Smooth(Curve, weight));
    }
}
