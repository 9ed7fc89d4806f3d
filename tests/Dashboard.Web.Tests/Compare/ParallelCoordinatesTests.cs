using Bunit;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Compare;

public sealed class ParallelCoordinatesTests : ComponentTestContext
{
    private static readonly ParallelDimension[] Dimensions =
    [
        new("learningRate", "learningRate"),
        new("optimizer", "optimizer", ["adamW", "sgd"]),
        new("accuracy", "Clean accuracy"),
    ];

    private static readonly ParallelRow[] Rows =
    [
        new("run A", "#4e79a7", new Dictionary<string, ParallelValue>
        {
            ["learningRate"] = ParallelValue.Of(0.001),
            ["optimizer"] = ParallelValue.Of("adamW"),
            ["accuracy"] = ParallelValue.Of(0.8),
        }),
        new("run B", "#f28e2b", new Dictionary<string, ParallelValue>
        {
            ["learningRate"] = ParallelValue.Of(0.003),
            ["optimizer"] = ParallelValue.Of("sgd"),
            ["accuracy"] = ParallelValue.Of(0.7),
        }),
    ];

    [Fact]
    public void DrawsOneAxisPerDimension()
    {
        var chart = Render<ParallelCoordinates>(p => p.Add(c => c.Dimensions, Dimensions).Add(c => c.Rows, Rows));

        Assert.Equal(["learningRate", "optimizer", "accuracy"], chart.FindAll("g.pc-axis").Select(axis => axis.GetAttribute("data-dimension")));
    }

    [Theory]
    [InlineData(2, 480)]
    [InlineData(3, 480)]
    [InlineData(6, 750)]
    public void AxesSpanAtLeastMinimumWidth(int dimensions, double plotWidth)
    {
        var layout = ParallelCoordinatesLayout.For([.. Enumerable.Range(0, dimensions).Select(i => new ParallelDimension($"d{i}", $"d{i}"))], []);

        Assert.Equal(plotWidth, layout.Axes[^1].X - layout.Axes[0].X, precision: 6);
        Assert.Equal(plotWidth + (2 * ParallelCoordinatesLayout.MarginX), layout.Width, precision: 6);
    }

    [Fact]
    public void DrawsOnePolylinePerRowInItsColor()
    {
        var chart = Render<ParallelCoordinates>(p => p.Add(c => c.Dimensions, Dimensions).Add(c => c.Rows, Rows));

        var lines = chart.FindAll("polyline.pc-line");
        Assert.Equal(2, lines.Count);
        Assert.Equal("#4e79a7", lines[0].GetAttribute("stroke"));
        Assert.Equal("#f28e2b", lines[1].GetAttribute("stroke"));
        Assert.All(lines, line => Assert.Equal(3, line.GetAttribute("points")!.Split(' ').Length));
    }

    [Fact]
    public void NumericAxisLabelsMinAndMax()
    {
        var chart = Render<ParallelCoordinates>(p => p.Add(c => c.Dimensions, Dimensions).Add(c => c.Rows, Rows));

        var ticks = chart.FindAll("g.pc-axis[data-dimension='learningRate'] .pc-tick").Select(Label).ToList();
        Assert.Equal(["0.001", "0.003"], ticks);
    }

    [Fact]
    public void CategoricalAxisLabelsEveryCategory()
    {
        var chart = Render<ParallelCoordinates>(p => p.Add(c => c.Dimensions, Dimensions).Add(c => c.Rows, Rows));

        var ticks = chart.FindAll("g.pc-axis[data-dimension='optimizer'] .pc-tick").Select(Label).ToList();
        Assert.Equal(["adamW", "sgd"], ticks);
    }

    /// <summary>The text drawn for a tick, without its title element (the full label shown on hover).</summary>
    private static string Label(AngleSharp.Dom.IElement tick) => tick.ChildNodes[0].TextContent;

    [Fact]
    public void LargerValueIsHigherOnAxis()
    {
        var layout = ParallelCoordinatesLayout.For(Dimensions, Rows);

        // SVG y grows downwards: run B's larger learning rate sits above run A's, its lower accuracy below.
        Assert.True(layout.Lines[1].Points[0].Y < layout.Lines[0].Points[0].Y);
        Assert.True(layout.Lines[1].Points[2].Y > layout.Lines[0].Points[2].Y);
    }

    [Fact]
    public void RowWithoutValueSkipsAxis()
    {
        var partial = new ParallelRow("run C", "#e15759", new Dictionary<string, ParallelValue> { ["accuracy"] = ParallelValue.Of(0.75) });

        var layout = ParallelCoordinatesLayout.For(Dimensions, [.. Rows, partial]);

        Assert.Single(layout.Lines[2].Points);
    }
}
