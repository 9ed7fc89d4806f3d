using System.Text.RegularExpressions;

namespace Dashboard.Storage;

/// <summary>
/// The rule for artifact file names and run folder names. It admits no path separator and no leading dot, so a
/// name can never leave its run folder (no <c>..</c>) or hide a file.
/// </summary>
public static partial class ArtifactNames
{
    public const string Rule = "1 to 100 characters of letters, digits, '.', '_' and '-', not starting with '.'";

    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="value"/> if it breaks <see cref="Rule"/>.</summary>
    public static void Validate(string? value, string parameterName, string displayName)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"{displayName} '{value}' is invalid: use {Rule}.", parameterName);
        }
    }

    [GeneratedRegex(@"^(?!\.)[A-Za-z0-9._-]{1,100}\z")]
    private static partial Regex NamePattern();
}
