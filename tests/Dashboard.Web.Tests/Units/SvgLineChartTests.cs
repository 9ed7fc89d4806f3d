using System.Text.RegularExpressions;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Web.Export;

namespace Dashboard.Web.Tests.Units;

public sealed partial class SvgLineChartTests
{
    [Fact]
    public void DrawsOnePathPerSeries()
    {
        string svg = SvgLineChart.Render("Loss", ChartAxis.Step, "loss", MeasureFormat.Number,
        [
            new SvgSeries("train", [(0, 2.0), (1, 1.5), (2, 1.0)]),
            new SvgSeries("test", [(0, 2.2), (2, 1.4)]),
        ]);

        Assert.Equal(2, Regex.Matches(svg, "<path class=\"series\"").Count);
        Assert.Contains("data-series=\"train\"", svg);
        Assert.Contains(">test</text>", svg);
    }

    [Fact]
    public void NonFiniteValueBreaksLine()
    {
        string svg = SvgLineChart.Render("Loss", ChartAxis.Step, "loss", MeasureFormat.Number,
            [new SvgSeries("train", [(0, 2.0), (1, 1.5), (2, double.NaN), (3, 1.0), (4, 0.5)])]);

        string path = PathData().Match(svg).Groups["d"].Value;

        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(2, path.Count(c => c == 'L'));
    }

    [Fact]
    public void PercentAxisSpansZeroToHundred()
    {
        string svg = SvgLineChart.Render("Accuracy", ChartAxis.Epoch, "accuracy", MeasureFormat.Percent,
            [new SvgSeries("clean", [(1, 0.42), (2, 0.47)])]);

        Assert.Contains(">0%</text>", svg);
        Assert.Contains(">100%</text>", svg);
        Assert.Equal(2, Regex.Matches(svg, "<circle").Count);
    }

    [Fact]
    public void EscapesNames()
    {
        string svg = SvgLineChart.Render("a <b> & c", ChartAxis.Step, "y", MeasureFormat.Number,
            [new SvgSeries("<script>", [(0, 1.0), (1, 2.0)])]);

        Assert.DoesNotContain("<script>", svg);
        Assert.Contains("&lt;script&gt;", svg);
        Assert.Contains("a &lt;b&gt; &amp; c", svg);
    }

    [Fact]
    public void EmptySeriesStillRenders()
    {
        string svg = SvgLineChart.Render("Loss", ChartAxis.Step, "loss", MeasureFormat.Number, [new SvgSeries("train", [])]);

        Assert.StartsWith("<svg", svg);
        Assert.EndsWith("</svg>", svg);
    }

    [Fact]
    public void ScaleRoundsToNiceTicks()
    {
        var scale = new ChartScale(0.13, 0.87, 0, 100);

        Assert.Equal(0, scale.Min, 9);
        Assert.Equal(1, scale.Max, 9);
        Assert.Equal(0.2, scale.Step, 9);
        Assert.Equal(0, scale.ToPixel(scale.Min), 9);
        Assert.Equal(100, scale.ToPixel(scale.Max), 9);
    }

    [GeneratedRegex("""<path class="series" data-series="[^"]*" d="(?<d>[^"]*)" """)]
    private static partial Regex PathData();
}
