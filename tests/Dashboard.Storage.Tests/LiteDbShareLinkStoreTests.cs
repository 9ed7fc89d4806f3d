namespace Dashboard.Storage.Tests;

public sealed class LiteDbShareLinkStoreTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2025, 4, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbShareLinkStore _store;

    public LiteDbShareLinkStoreTests()
    {
        _store = new LiteDbShareLinkStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void FindByTokenHash_AfterInsert_ReturnsEveryField()
    {
        var link = Link("link1", "run1", "AB12", minutes: 0) with { ExpiresAt = Created.AddDays(7) };
        _store.Insert(link);

        var found = _store.FindByTokenHash(Hash("AB12"))!;

        Assert.Equal(link.Id, found.Id);
        Assert.Equal(link.TokenHash, found.TokenHash);
        Assert.Equal(link.TokenPrefix, found.TokenPrefix);
        Assert.Equal(link.RunId, found.RunId);
        Assert.Equal(link.CreatedAt, found.CreatedAt);
        Assert.Equal(link.ExpiresAt, found.ExpiresAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(found.LastUsedAt);
    }

    [Fact]
    public void FindByTokenHash_UpperCaseHash_FindsLink()
    {
        _store.Insert(Link("link1", "run1", "ab12", minutes: 0));

        Assert.Equal("link1", _store.FindByTokenHash(Hash("ab12").ToUpperInvariant())?.Id);
    }

    [Fact]
    public void FindByTokenHash_UnknownHash_ReturnsNull()
    {
        _store.Insert(Link("link1", "run1", "ab12", minutes: 0));

        Assert.Null(_store.FindByTokenHash(Hash("ab13")));
    }

    [Fact]
    public void Insert_DuplicateTokenHash_ThrowsInvalidOperation()
    {
        _store.Insert(Link("link1", "run1", "ab12", minutes: 0));

        var exception = Assert.Throws<InvalidOperationException>(() => _store.Insert(Link("link2", "run1", "ab12", minutes: 1)));

        Assert.Contains("'link2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListForRun_ReturnsRunLinksOldestFirst()
    {
        _store.Insert(Link("late", "run1", "t1", minutes: 30));
        _store.Insert(Link("other", "run2", "t2", minutes: 10));
        _store.Insert(Link("early", "run1", "t3", minutes: 5));

        Assert.Equal(["early", "late"], _store.ListForRun("run1").Select(link => link.Id));
    }

    [Fact]
    public void Update_RevokedAndUsed_StoresBothTimes()
    {
        var link = Link("link1", "run1", "ab12", minutes: 0);
        _store.Insert(link);

        link.RevokedAt = Created.AddHours(2);
        link.LastUsedAt = Created.AddHours(1);
        _store.Update(link);
        var stored = _store.FindByTokenHash(link.TokenHash)!;

        Assert.Equal(Created.AddHours(2), stored.RevokedAt);
        Assert.Equal(Created.AddHours(1), stored.LastUsedAt);
    }

    [Fact]
    public void Update_UnknownLink_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => _store.Update(Link("ghost", "run1", "ab12", minutes: 0)));
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static ShareLink Link(string id, string runId, string token, int minutes) => new()
    {
        Id = id,
        TokenHash = Hash(token),
        TokenPrefix = token[..Math.Min(6, token.Length)],
        RunId = runId,
        CreatedAt = Created.AddMinutes(minutes),
    };
}
