using System.Globalization;

namespace Dashboard.Web.Export;

/// <summary>Formats CSV fields as RFC 4180 describes: fields with a comma, quote or line break are quoted.</summary>
internal static class CsvText
{
    /// <summary>
    /// Formats a text field. Text that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
    /// so a spreadsheet shows a user-written name as text instead of evaluating it as a formula.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        bool needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Formats a number so that parsing it back gives the same double ("R" keeps every significant digit).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields) + "\n";
}
