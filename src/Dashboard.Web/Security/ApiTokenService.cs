using Dashboard.Storage;

namespace Dashboard.Web.Security;

/// <summary>
/// API tokens that scripts and the command-line client send as <c>Authorization: Bearer</c>. A token acts with
/// its user's current role. Tokens come from <see cref="SecretTokens"/>, so only their hash and first
/// <see cref="PrefixLength"/> characters are stored.
/// </summary>
public sealed class ApiTokenService(IApiTokenStore tokens, IUserStore users, TimeProvider time, ILogger<ApiTokenService> logger)
{
    /// <summary>Characters of the token kept in clear text so that users can tell tokens apart.</summary>
    public const int PrefixLength = 8;

    public const int MaxLabelLength = 100;

    /// <summary>Time after a recorded use during which further uses are not written, so a busy script costs few writes.</summary>
    public static readonly TimeSpan LastUseInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();

    /// <summary>Creates a token for <paramref name="userName"/> and returns it with its secret, or the error for an invalid label.</summary>
    public (ApiToken? Token, string? Secret, string? Error) Create(string userName, string? label)
    {
        string trimmed = label?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxLabelLength)
        {
            return (null, null, $"The token label must be 1 to {MaxLabelLength} characters long; it is {trimmed.Length}.");
        }

        string secret = SecretTokens.Create();
        var token = new ApiToken
        {
            Id = Guid.NewGuid().ToString("N"),
            UserName = userName,
            Label = trimmed,
            TokenHash = SecretTokens.Hash(secret),
            TokenPrefix = secret[..PrefixLength],
            CreatedAt = time.GetUtcNow(),
        };
        tokens.Insert(token);
        logger.LogInformation("Created API token {TokenId} ({Prefix}…) for user {UserName}", token.Id, token.TokenPrefix, userName);
        return (token, secret, null);
    }

    public IReadOnlyList<ApiToken> ListForUser(string userName) => tokens.ListForUser(userName);

    public ApiToken? Find(string id) => tokens.Find(id);

    /// <summary>Revokes a token; returns it, or null if there is none. Revoking twice keeps the first time.</summary>
    public ApiToken? Revoke(string id)
    {
        lock (_gate)
        {
            var token = tokens.Find(id);
            if (token is null || token.RevokedAt is not null)
            {
                return token;
            }

            token.RevokedAt = time.GetUtcNow();
            tokens.Update(token);
            logger.LogInformation("Revoked API token {TokenId} ({Prefix}…) of user {UserName}", token.Id, token.TokenPrefix, token.UserName);
            return token;
        }
    }

    /// <summary>
    /// Returns the user a secret acts for, or null when the secret is malformed, unknown or revoked, or its user
    /// was removed. Records the time as the token's last use, at most once per <see cref="LastUseInterval"/>.
    /// </summary>
    public DashboardUser? Authenticate(string? secret)
    {
        if (!SecretTokens.IsWellFormed(secret))
        {
            return null;
        }

        string hash = SecretTokens.Hash(secret!);
        lock (_gate)
        {
            var token = tokens.FindByTokenHash(hash);
            if (token is null || token.RevokedAt is not null || users.Find(token.UserName) is not { } user)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (token.LastUsedAt is not { } used || now - used >= LastUseInterval)
            {
                token.LastUsedAt = now;
                tokens.Update(token);
            }

            return user;
        }
    }
}
