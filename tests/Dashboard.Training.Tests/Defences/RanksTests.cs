using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Tests.Defences;

public sealed class RanksTests
{
    [Fact]
    public void MidranksShareTies()
    {
        Assert.Equal(new[] { 1.5, 0, 1.5, 3 }, Ranks.Midranks([5.0, 1.0, 5.0, 7.0]));
    }

    [Fact]
    public void NormalisedSpansZeroToOne()
    {
        Assert.Equal(new[] { 0.5, 0, 1 }, Ranks.Normalised([2.0, 1.0, 3.0]));
    }

    [Fact]
    public void TopTakesHighestFirst()
    {
        Assert.Equal(new[] { 3, 0 }, Ranks.Top([5.0, 1.0, 2.0, 9.0], 2));
    }

    [Fact]
    public void TopBreaksTiesByPosition()
    {
        Assert.Equal(new[] { 1, 2 }, Ranks.Top([0.0, 4.0, 4.0, 4.0], 2));
    }

    [Fact]
    public void NaNRejected()
    {
        Assert.Throws<ArgumentException>(() => Ranks.Midranks([1.0, double.NaN]));
    }
}
