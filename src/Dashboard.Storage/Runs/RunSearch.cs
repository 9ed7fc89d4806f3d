using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Storage;

/// <summary>
/// Parses the run list's search text. Terms are separated by spaces, and a term in double quotes may contain spaces.
/// Every term must match:
/// <list type="bullet">
/// <item><c>word</c> matches a run whose name, id, a tag or configuration JSON contains it, ignoring case.</item>
/// <item><c>tag:NAME</c> matches a run that carries the tag NAME, ignoring case.</item>
/// <item><c>PATH:VALUE</c> matches a run whose configuration value at PATH (for example <c>defence.kind</c> or
/// <c>attacks[0].poisonRatio</c>) equals VALUE: numbers compare numerically, text ignoring case.</item>
/// </list>
/// </summary>
public static partial class RunSearch
{
    public const string TagPrefix = "tag";

    /// <summary>Splits <paramref name="text"/> into terms; blank text has none.</summary>
    public static IReadOnlyList<RunSearchTerm> Parse(string? text)
    {
        var terms = new List<RunSearchTerm>();
        foreach (string token in Tokens(text ?? string.Empty))
        {
            int colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < token.Length - 1)
            {
                string key = token[..colon];
                string value = token[(colon + 1)..];
                if (string.Equals(key, TagPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    terms.Add(new RunSearchTerm(RunSearchTermKind.Tag, null, value));
                    continue;
                }

                if (IsConfigurationPath(key))
                {
                    terms.Add(new RunSearchTerm(RunSearchTermKind.ConfigurationValue, key, value));
                    continue;
                }
            }

            terms.Add(new RunSearchTerm(RunSearchTermKind.Text, null, token));
        }

        return terms;
    }

    /// <summary>
    /// Returns whether <paramref name="path"/> is a JSON path of names and array indexes, such as
    /// <c>attacks[0].type</c>. Only such paths reach a query expression.
    /// </summary>
    public static bool IsConfigurationPath(string path) => ConfigurationPathPattern().IsMatch(path);

    private static IEnumerable<string> Tokens(string text)
    {
        var current = new StringBuilder();
        bool quoted = false;
        foreach (char character in text)
        {
            if (character == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (char.IsWhiteSpace(character) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            current.Append(character);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]{1,6}\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]{1,6}\])*)*$")]
    private static partial Regex ConfigurationPathPattern();
}

/// <summary>What a search term matches.</summary>
public enum RunSearchTermKind
{
    Text,
    Tag,
    ConfigurationValue,
}

/// <summary>One term of the run search; <paramref name="Path"/> is set only for configuration values.</summary>
public sealed record RunSearchTerm(RunSearchTermKind Kind, string? Path, string Value);
