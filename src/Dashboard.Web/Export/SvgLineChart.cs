using System.Text;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Export;

/// <summary>One line of an exported chart: its legend name and its (x, y) points in x order.</summary>
public sealed record SvgSeries(string Name, IReadOnlyList<(double X, double Y)> Points);

/// <summary>
/// Draws a line chart as standalone SVG markup, for HTML exports that must open without scripts or network
/// access. Non-finite values break a line, as on the live chart. Epoch charts get a marker at every point.
/// </summary>
public static class SvgLineChart
{
    public const int Width = 640;
    private const int PlotHeight = 240;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 12;
    private const int LegendColumns = 3;
    private const int LegendRowHeight = 18;

    public static string Render(string title, ChartAxis axis, string yTitle, MeasureFormat format, IReadOnlyList<SvgSeries> series)
    {
        var finite = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        double plotBottom = Top + PlotHeight;
        var x = new ChartScale(finite.Count > 0 ? finite.Min(p => p.X) : 0, finite.Count > 0 ? finite.Max(p => p.X) : 1, Left, Width - Right);
        var y = format == MeasureFormat.Percent
            ? new ChartScale(0, 1, plotBottom, Top)
            : new ChartScale(finite.Count > 0 ? finite.Min(p => p.Y) : 0, finite.Count > 0 ? finite.Max(p => p.Y) : 1, plotBottom, Top);

        int legendRows = (series.Count + LegendColumns - 1) / LegendColumns;
        int height = Top + PlotHeight + 44 + (legendRows * LegendRowHeight);
        var svg = new StringBuilder();
        svg.Append($"""<svg class="export-chart" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" role="img" aria-label="{SvgText.Escape(title)}" font-family="sans-serif" font-size="11">""");
        svg.Append($"<title>{SvgText.Escape(title)}</title>");

        AppendGrid(svg, x, y, axis, format, plotBottom);
        svg.Append($"""<text x="{(Left + Width - Right) / 2}" y="{plotBottom + 32}" text-anchor="middle" fill="#333">{SvgText.Escape(ChartLabels.AxisTitle(axis))}</text>""");
        svg.Append($"""<text transform="translate(14 {Top + (PlotHeight / 2)}) rotate(-90)" text-anchor="middle" fill="#333">{SvgText.Escape(yTitle)}</text>""");

        for (int i = 0; i < series.Count; i++)
        {
            AppendLine(svg, series[i], x, y, SvgText.Palette[i % SvgText.Palette.Length], markers: axis == ChartAxis.Epoch);
        }

        AppendLegend(svg, series, plotBottom + 44);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendGrid(StringBuilder svg, ChartScale x, ChartScale y, ChartAxis axis, MeasureFormat format, double plotBottom)
    {
        foreach (double tick in y.Ticks())
        {
            string py = SvgText.Number(y.ToPixel(tick));
            svg.Append($"""<line x1="{Left}" x2="{Width - Right}" y1="{py}" y2="{py}" stroke="#e0e0e0"/>""");
            svg.Append($"""<text x="{Left - 6}" y="{py}" dy="0.32em" text-anchor="end" fill="#555">{SvgText.Escape(ChartLabels.Value(tick, format))}</text>""");
        }

        foreach (double tick in x.Ticks())
        {
            string px = SvgText.Number(x.ToPixel(tick));
            svg.Append($"""<line x1="{px}" x2="{px}" y1="{plotBottom}" y2="{plotBottom + 4}" stroke="#888"/>""");
            svg.Append($"""<text x="{px}" y="{plotBottom + 16}" text-anchor="middle" fill="#555">{SvgText.Escape(ChartLabels.X(tick, axis))}</text>""");
        }

        svg.Append($"""<line x1="{Left}" x2="{Width - Right}" y1="{plotBottom}" y2="{plotBottom}" stroke="#888"/>""");
    }

    private static void AppendLine(StringBuilder svg, SvgSeries series, ChartScale x, ChartScale y, string colour, bool markers)
    {
        var path = new StringBuilder();
        bool drawing = false;
        foreach (var (px, py) in series.Points)
        {
            if (!double.IsFinite(px) || !double.IsFinite(py))
            {
                drawing = false;
                continue;
            }

            path.Append(drawing ? 'L' : 'M').Append(SvgText.Number(x.ToPixel(px))).Append(' ').Append(SvgText.Number(y.ToPixel(py))).Append(' ');
            drawing = true;
        }

        svg.Append($"""<path class="series" data-series="{SvgText.Escape(series.Name)}" d="{path.ToString().TrimEnd()}" fill="none" stroke="{colour}" stroke-width="2" stroke-linejoin="round"/>""");
        if (markers)
        {
            foreach (var (px, py) in series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)))
            {
                svg.Append($"""<circle cx="{SvgText.Number(x.ToPixel(px))}" cy="{SvgText.Number(y.ToPixel(py))}" r="3" fill="{colour}"/>""");
            }
        }
    }

    private static void AppendLegend(StringBuilder svg, IReadOnlyList<SvgSeries> series, double top)
    {
        int columnWidth = (Width - Left) / LegendColumns;
        for (int i = 0; i < series.Count; i++)
        {
            double lx = Left + (i % LegendColumns * columnWidth);
            double ly = top + (i / LegendColumns * LegendRowHeight);
            svg.Append($"""<rect x="{SvgText.Number(lx)}" y="{SvgText.Number(ly - 9)}" width="10" height="10" fill="{SvgText.Palette[i % SvgText.Palette.Length]}"/>""");
            svg.Append($"""<text x="{SvgText.Number(lx + 14)}" y="{SvgText.Number(ly)}" fill="#333">{SvgText.Escape(series[i].Name)}</text>""");
        }
    }
}
