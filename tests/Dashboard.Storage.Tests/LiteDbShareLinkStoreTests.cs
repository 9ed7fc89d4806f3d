using LiteDB;

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
        Assert.Equal(link.Scope, found.Scope);
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

    [Fact]
    public void Insert_StoresHashAndPrefixButNotToken()
    {
        const string token = "Zx9-secret_token_value";
        _store.Insert(Link("link1", "run1", token, minutes: 0));

        var document = _temporary.Storage.Database.GetCollection("share_links").FindById("link1");
        string stored = document.ToString();

        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.Equal(Hash(token), document["TokenHash"].AsString);
        Assert.Equal("Zx9-secr", document["TokenPrefix"].AsString);
    }

    [Fact]
    public void FindByTokenHash_GroupScope_ReturnsScope()
    {
        _store.Insert(Link("link1", ShareScope.ForGroup("group1"), "g1", minutes: 0));

        var found = _store.FindByTokenHash(Hash("g1"))!;

        Assert.Equal(ShareScopeKind.Group, found.Scope.Kind);
        Assert.Equal(["group1"], found.Scope.Ids);
    }

    [Fact]
    public void FindByTokenHash_ComparisonScope_KeepsRunOrder()
    {
        _store.Insert(Link("link1", ShareScope.ForComparison(["run3", "run1", "run2"]), "c1", minutes: 0));

        Assert.Equal(["run3", "run1", "run2"], _store.FindByTokenHash(Hash("c1"))!.Scope.Ids);
    }

    [Fact]
    public void Find_ById_ReturnsLink()
    {
        _store.Insert(Link("link1", "run1", "ab12", minutes: 0));

        Assert.Equal(Hash("ab12"), _store.Find("link1")?.TokenHash);
        Assert.Null(_store.Find("link2"));
    }

    [Fact]
    public void List_ReturnsEveryLinkNewestFirst()
    {
        _store.Insert(Link("middle", "run1", "t1", minutes: 10));
        _store.Insert(Link("newest", ShareScope.ForGroup("group1"), "t2", minutes: 20));
        _store.Insert(Link("oldest", "run2", "t3", minutes: 0));

        Assert.Equal(["newest", "middle", "oldest"], _store.List().Select(link => link.Id));
    }

    [Fact]
    public void ListFor_ComparisonScope_FindsLinkByAnyRun()
    {
        _store.Insert(Link("compare", ShareScope.ForComparison(["run1", "run2"]), "t1", minutes: 0));
        _store.Insert(Link("single", "run2", "t2", minutes: 1));

        Assert.Equal(["compare"], _store.ListFor(ShareScopeKind.Comparison, "run2").Select(link => link.Id));
        Assert.Equal(["single"], _store.ListFor(ShareScopeKind.Run, "run2").Select(link => link.Id));
    }

    [Fact]
    public void ListFor_GroupScope_IgnoresRunLinksWithSameId()
    {
        _store.Insert(Link("group", ShareScope.ForGroup("same"), "t1", minutes: 0));
        _store.Insert(Link("run", "same", "t2", minutes: 1));

        Assert.Equal(["group"], _store.ListFor(ShareScopeKind.Group, "same").Select(link => link.Id));
    }

    [Fact]
    public void ListForRun_LinkStoredBeforeScopes_ReadsAsRunScope()
    {
        _temporary.Storage.Database.GetCollection("share_links").Insert(new BsonDocument
        {
            ["_id"] = "legacy",
            ["TokenHash"] = Hash("old"),
            ["TokenPrefix"] = "old",
            ["RunId"] = "run1",
            ["CreatedAt"] = Created.UtcTicks,
            ["ExpiresAt"] = BsonValue.Null,
            ["RevokedAt"] = BsonValue.Null,
            ["LastUsedAt"] = BsonValue.Null,
        });

        var link = Assert.Single(_store.ListForRun("run1"));

        Assert.Equal(ShareScope.ForRun("run1"), link.Scope);
    }

    [Fact]
    public void Update_AfterReopen_KeepsRevocationExpiryAndLastUse()
    {
        var link = Link("link1", "run1", "ab12", minutes: 0) with { ExpiresAt = Created.AddDays(1) };
        _store.Insert(link);
        link.LastUsedAt = Created.AddMinutes(5);
        link.RevokedAt = Created.AddMinutes(6);
        _store.Update(link);

        _temporary.Reopen();
        var stored = new LiteDbShareLinkStore(_temporary.Storage).Find("link1")!;

        Assert.Equal(Created.AddDays(1), stored.ExpiresAt);
        Assert.Equal(Created.AddMinutes(5), stored.LastUsedAt);
        Assert.Equal(Created.AddMinutes(6), stored.RevokedAt);
    }

    [Fact]
    public void Insert_ScopeWithoutIds_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => _store.Insert(Link("link1", new ShareScope(ShareScopeKind.Comparison, []), "ab12", minutes: 0)));
    }

    [Fact]
    public void IsExpiredAt_ExpiryTime_IsExpired()
    {
        var link = Link("link1", "run1", "ab12", minutes: 0) with { ExpiresAt = Created.AddDays(1) };

        Assert.False(link.IsExpiredAt(Created.AddDays(1).AddTicks(-1)));
        Assert.True(link.IsExpiredAt(Created.AddDays(1)));
        Assert.False((link with { ExpiresAt = null }).IsExpiredAt(DateTimeOffset.MaxValue));
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static ShareLink Link(string id, string runId, string token, int minutes) =>
        Link(id, ShareScope.ForRun(runId), token, minutes);

    private static ShareLink Link(string id, ShareScope scope, string token, int minutes) => new()
    {
        Id = id,
        TokenHash = Hash(token),
        TokenPrefix = token[..Math.Min(8, token.Length)],
        Scope = scope,
        CreatedAt = Created.AddMinutes(minutes),
    };
}
