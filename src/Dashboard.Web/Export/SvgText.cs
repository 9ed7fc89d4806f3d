using System.Globalization;
using System.Net;

namespace Dashboard.Web.Export;

/// <summary>Helpers for writing SVG markup by hand: escaped text and invariant-culture coordinates.</summary>
internal static class SvgText
{
    /// <summary>Series colours, the first five in the order apexcharts.js 4.7.0 uses by default, so exports match the live page.</summary>
    public static readonly string[] Palette = ["#008FFB", "#00E396", "#FEB019", "#FF4560", "#775DD0", "#3F51B5", "#546E7A", "#D4526E"];

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
