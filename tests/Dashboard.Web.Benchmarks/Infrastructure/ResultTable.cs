using System.Globalization;
using System.Text;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>One table of results: a title, column headers, rows of formatted cells and notes printed under it.</summary>
public sealed class ResultTable(string key, string title, params string[] columns)
{
    /// <summary>Short identifier used as the JSON property name, such as <c>latency</c>.</summary>
    public string Key { get; } = key;

    public string Title { get; } = title;

    public IReadOnlyList<string> Columns { get; } = columns;

    public List<string[]> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    public void AddRow(params object[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Table '{Key}' has {Columns.Count} columns; a row has {cells.Length} cells.", nameof(cells));
        }

        Rows.Add([.. cells.Select(Format)]);
    }

    /// <summary>Returns the table as aligned plain text for the console.</summary>
    public string ToText()
    {
        var widths = Columns.Select((column, i) => Rows.Select(row => row[i].Length).Append(column.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Title);
        text.AppendLine(string.Join("  ", Columns.Select((column, i) => column.PadRight(widths[i]))));
        text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in Rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadLeft(widths[i]))));
        }

        foreach (string note in Notes)
        {
            text.AppendLine($"  {note}");
        }

        return text.ToString();
    }

    /// <summary>Returns the table in GitHub-flavoured Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Title}");
        text.AppendLine();
        text.AppendLine($"| {string.Join(" | ", Columns)} |");
        text.AppendLine($"|{string.Concat(Columns.Select(_ => "---|"))}");
        foreach (var row in Rows)
        {
            text.AppendLine($"| {string.Join(" | ", row)} |");
        }

        if (Notes.Count > 0)
        {
            text.AppendLine();
            foreach (string note in Notes)
            {
                text.AppendLine($"- {note}");
            }
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Format(object cell) => cell switch
    {
        double value when double.IsNaN(value) => "n/a",
        double value when Math.Abs(value) >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        double value when Math.Abs(value) >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        double value => value.ToString("F2", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
