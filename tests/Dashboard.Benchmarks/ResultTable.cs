using System.Globalization;
using System.Text;

namespace Dashboard.Benchmarks;

/// <summary>A table of benchmark results printed with aligned columns on the console and written as Markdown.</summary>
internal sealed class ResultTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public void Add(params object[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The table '{Title}' has {headers.Length} columns; got {cells.Length} cells.", nameof(cells));
        }

        _rows.Add(cells.Select(Format).ToArray());
    }

    public string ToText()
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder().AppendLine(Title);
        text.AppendLine(string.Join("  ", headers.Select((header, column) => header.PadLeft(widths[column]))));
        foreach (var row in _rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadLeft(widths[column]))));
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder().AppendLine($"### {Title}").AppendLine();
        text.AppendLine($"| {string.Join(" | ", headers)} |");
        text.AppendLine($"|{string.Concat(headers.Select(_ => "---|"))}");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {string.Join(" | ", row)} |");
        }

        return text.ToString();
    }

    /// <summary>Rows as column-name to cell maps, for the JSON results file.</summary>
    public IEnumerable<Dictionary<string, string>> Rows() =>
        _rows.Select(row => headers.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second));

    private static string Format(object cell) => cell switch
    {
        double value => value.ToString(Math.Abs(value) >= 100 ? "F0" : Math.Abs(value) >= 10 ? "F1" : "G3", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
