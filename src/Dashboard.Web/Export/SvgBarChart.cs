using System.Globalization;
using System.Text;
using Dashboard.Web.Components.Results;

namespace Dashboard.Web.Export;

/// <summary>Draws a defence's score histogram as standalone SVG: one stacked bar per bin, one colour per true group.</summary>
public static class SvgBarChart
{
    private const int Width = SvgLineChart.Width;
    private const int PlotHeight = 220;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 12;

    public static string Render(ScoreHistogram histogram)
    {
        int bins = histogram.BinEdges.Length - 1;
        var totals = Enumerable.Range(0, bins)
            .Select(bin => histogram.Groups.Sum(group => bin < group.Counts.Length ? group.Counts[bin] : 0))
            .ToArray();
        double plotBottom = Top + PlotHeight;
        var y = new ChartScale(0, Math.Max(1, totals.DefaultIfEmpty(0).Max()), plotBottom, Top);
        double barWidth = (double)(Width - Left - Right) / Math.Max(1, bins);

        int height = Top + PlotHeight + 44 + (histogram.Groups.Count * 18);
        var svg = new StringBuilder();
        string title = $"{histogram.ScoreName} by true group";
        svg.Append($"""<svg class="export-chart" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" role="img" aria-label="{SvgText.Escape(title)}" font-family="sans-serif" font-size="11">""");
        svg.Append($"<title>{SvgText.Escape(title)}</title>");

        foreach (double tick in y.Ticks())
        {
            string py = SvgText.Number(y.ToPixel(tick));
            svg.Append($"""<line x1="{Left}" x2="{Width - Right}" y1="{py}" y2="{py}" stroke="#e0e0e0"/>""");
            svg.Append($"""<text x="{Left - 6}" y="{py}" dy="0.32em" text-anchor="end" fill="#555">{tick.ToString("0.##", CultureInfo.InvariantCulture)}</text>""");
        }

        for (int bin = 0; bin < bins; bin++)
        {
            double stacked = 0;
            double bx = Left + (bin * barWidth);
            for (int g = 0; g < histogram.Groups.Count; g++)
            {
                var counts = histogram.Groups[g].Counts;
                int count = bin < counts.Length ? counts[bin] : 0;
                if (count == 0)
                {
                    continue;
                }

                double top = y.ToPixel(stacked + count);
                double bottom = y.ToPixel(stacked);
                svg.Append($"""<path class="bar" d="M{SvgText.Number(bx + 0.5)} {SvgText.Number(bottom)}H{SvgText.Number(bx + barWidth - 0.5)}V{SvgText.Number(top)}H{SvgText.Number(bx + 0.5)}Z" fill="{SvgText.Palette[g % SvgText.Palette.Length]}"/>""");
                stacked += count;
            }
        }

        // Edge labels at the first, middle and last edge keep the axis readable for any number of bins.
        foreach (int edge in new[] { 0, bins / 2, bins }.Distinct())
        {
            string px = SvgText.Number(Left + (edge * barWidth));
            svg.Append($"""<text x="{px}" y="{plotBottom + 16}" text-anchor="middle" fill="#555">{histogram.BinEdges[edge].ToString("0.###", CultureInfo.InvariantCulture)}</text>""");
        }

        svg.Append($"""<line x1="{Left}" x2="{Width - Right}" y1="{plotBottom}" y2="{plotBottom}" stroke="#888"/>""");
        svg.Append($"""<text x="{(Left + Width - Right) / 2}" y="{plotBottom + 32}" text-anchor="middle" fill="#333">{SvgText.Escape(histogram.ScoreName)}</text>""");
        for (int g = 0; g < histogram.Groups.Count; g++)
        {
            double ly = plotBottom + 44 + (g * 18);
            svg.Append($"""<rect x="{Left}" y="{SvgText.Number(ly - 9)}" width="10" height="10" fill="{SvgText.Palette[g % SvgText.Palette.Length]}"/>""");
            svg.Append($"""<text x="{Left + 14}" y="{SvgText.Number(ly)}" fill="#333">{SvgText.Escape(histogram.Groups[g].Name)}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
