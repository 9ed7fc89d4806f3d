namespace Dashboard.Storage;

/// <summary>API tokens by id and by token hash. Implementations are thread-safe.</summary>
public interface IApiTokenStore
{
    /// <summary>Adds a token; throws <see cref="InvalidOperationException"/> if its id or hash is taken.</summary>
    void Insert(ApiToken token);

    ApiToken? Find(string id);

    /// <summary>Returns the token whose hash is <paramref name="tokenHash"/> (hex, either case), or null.</summary>
    ApiToken? FindByTokenHash(string tokenHash);

    /// <summary>Returns the user's tokens, newest first, including revoked ones.</summary>
    IReadOnlyList<ApiToken> ListForUser(string userName);

    /// <summary>Replaces the stored token; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    void Update(ApiToken token);

    /// <summary>Removes every token of the user; returns how many were removed.</summary>
    int DeleteForUser(string userName);
}
