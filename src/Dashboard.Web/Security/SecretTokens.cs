using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Security;

/// <summary>
/// Random bearer secrets: 256 bits from the system's cryptographic generator written as 43 base64url
/// characters. Stores keep only the SHA-256 hash and a short prefix, so a secret is shown once, when it is created.
/// </summary>
public static class SecretTokens
{
    private const int TokenBytes = 32;

    /// <summary>Length of every token in characters.</summary>
    public static readonly int Length = Base64Url.GetEncodedLength(TokenBytes);

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Whether <paramref name="token"/> has the length and alphabet of a token; cheap to check before a lookup.</summary>
    public static bool IsWellFormed(string? token) => token is not null && token.Length == Length && Base64Url.IsValid(token);

    /// <summary>Returns the SHA-256 hash of <paramref name="token"/> as lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
