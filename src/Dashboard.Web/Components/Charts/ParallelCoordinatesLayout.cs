using System.Globalization;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Positions of a parallel-coordinates chart in SVG user units: one axis per dimension, evenly spaced, and one
/// polyline per row through its value on each axis.
/// </summary>
public sealed class ParallelCoordinatesLayout
{
    /// <summary>Smallest distance between neighbouring axes.</summary>
    public const double AxisSpacing = 150;

    /// <summary>Smallest distance from the first axis to the last, so that two or three axes still give lines room.</summary>
    public const double MinimumPlotWidth = 480;
    public const double MarginX = 70;
    public const double Top = 44;
    public const double Bottom = 234;
    public const double Height = 270;

    private ParallelCoordinatesLayout(IReadOnlyList<ParallelAxisLayout> axes, IReadOnlyList<ParallelLineLayout> lines, double width)
    {
        Axes = axes;
        Lines = lines;
        Width = width;
    }

    public IReadOnlyList<ParallelAxisLayout> Axes { get; }

    public IReadOnlyList<ParallelLineLayout> Lines { get; }

    public double Width { get; }

    public static ParallelCoordinatesLayout For(IReadOnlyList<ParallelDimension> dimensions, IReadOnlyList<ParallelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(rows);

        double spacing = dimensions.Count < 2 ? 0 : Math.Max(AxisSpacing, MinimumPlotWidth / (dimensions.Count - 1));
        var axes = new List<ParallelAxisLayout>();
        var scales = new List<Func<ParallelValue, double?>>();
        for (int i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            double x = MarginX + (i * spacing);
            if (dimension.Categories is { } categories)
            {
                var ticks = categories.Select((category, index) => new ParallelTick(category, CategoryY(index, categories.Count))).ToList();
                axes.Add(new ParallelAxisLayout(dimension, x, ticks));
                scales.Add(value => value.Category is { } category && IndexOf(categories, category) is int index and >= 0
                    ? CategoryY(index, categories.Count)
                    : null);
            }
            else
            {
                var numbers = rows.Select(row => row.Values.GetValueOrDefault(dimension.Key).Number)
                    .Where(number => number is { } n && double.IsFinite(n))
                    .Select(number => number!.Value)
                    .ToList();
                double min = numbers.Count > 0 ? numbers.Min() : 0;
                double max = numbers.Count > 0 ? numbers.Max() : 0;
                var format = dimension.Format ?? FormatNumber;
                var ticks = numbers.Count == 0 ? [] : min == max
                    ? new List<ParallelTick> { new(format(min), Middle) }
                    : [new ParallelTick(format(min), Bottom), new ParallelTick(format(max), Top)];
                axes.Add(new ParallelAxisLayout(dimension, x, ticks));
                scales.Add(value => value.Number is { } n && double.IsFinite(n)
                    ? (min == max ? Middle : Bottom - ((n - min) / (max - min) * (Bottom - Top)))
                    : null);
            }
        }

        // NOTE: a row with no value on an axis (a run without that field or measure) skips the axis, so its
        // line joins its neighbouring values directly.
        var lines = rows.Select(row => new ParallelLineLayout(row, [.. axes
            .Select((axis, i) => (axis.X, Y: scales[i](row.Values.GetValueOrDefault(axis.Dimension.Key))))
            .Where(point => point.Y is not null)
            .Select(point => (point.X, point.Y!.Value))])).ToList();

        double width = (MarginX * 2) + (Math.Max(dimensions.Count - 1, 0) * spacing);
        return new ParallelCoordinatesLayout(axes, lines, width);
    }

    private const double Middle = (Top + Bottom) / 2;

    private static double CategoryY(int index, int count) =>
        count <= 1 ? Middle : Bottom - (index * (Bottom - Top) / (count - 1));

    private static int IndexOf(IReadOnlyList<string> categories, string category)
    {
        for (int i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], category, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string FormatNumber(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}

/// <summary>An axis's position, its dimension and its labelled ticks.</summary>
public sealed record ParallelAxisLayout(ParallelDimension Dimension, double X, IReadOnlyList<ParallelTick> Ticks);

/// <summary>A labelled position on an axis.</summary>
public sealed record ParallelTick(string Label, double Y);

/// <summary>A row's polyline: the points where it crosses the axes it has values on.</summary>
public sealed record ParallelLineLayout(ParallelRow Row, IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>The points as an SVG <c>points</c> attribute value.</summary>
    public string SvgPoints => string.Join(' ', Points.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.X:0.##},{p.Y:0.##}")));
}
