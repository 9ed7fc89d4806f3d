using Dashboard.Web.Components.Compare;

namespace Dashboard.Web.Tests.Compare;

public sealed class RunPaletteTests
{
    [Fact]
    public void FirstTenPositionsHaveDistinctColors()
    {
        var colors = Enumerable.Range(0, 10).Select(RunPalette.ColorAt).ToList();

        Assert.Equal(10, colors.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void PositionAlwaysGetsSameColor()
    {
        Assert.Equal(RunPalette.ColorAt(3), RunPalette.ColorAt(3));
        Assert.Equal("#4e79a7", RunPalette.ColorAt(0));
        Assert.Equal("#f28e2b", RunPalette.ColorAt(1));
    }

    [Fact]
    public void PositionsPastPaletteWrapAround()
    {
        Assert.Equal(RunPalette.ColorAt(0), RunPalette.ColorAt(RunPalette.Colors.Count));
    }

    [Fact]
    public void NegativePositionThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunPalette.ColorAt(-1));
    }
}
