using System.Security.Cryptography;

namespace Dashboard.Core.Runs;

/// <summary>Creates run identifiers: 12 lowercase letters and digits, short enough to read in a URL.</summary>
public static class RunIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, 12);

    /// <summary>Returns true if <paramref name="value"/> has the shape of a run id.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 12 } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
