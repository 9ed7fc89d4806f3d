namespace Dashboard.Storage.Tests;

public sealed class LiteDbUserStoreTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2025, 4, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly TemporaryStorage _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Find_OtherCase_ReturnsUserAfterReopen()
    {
        new LiteDbUserStore(_temporary.Storage).Insert(User("Alice", UserRole.Admin));
        _temporary.Reopen();

        var found = new LiteDbUserStore(_temporary.Storage).Find("alice");

        Assert.NotNull(found);
        Assert.Equal("Alice", found.Name);
        Assert.Equal(UserRole.Admin, found.Role);
        Assert.Equal("hash-of-Alice", found.PasswordHash);
        Assert.Equal(Created, found.CreatedAt);
    }

    [Fact]
    public void Insert_NameTakenInOtherCase_Throws()
    {
        var store = new LiteDbUserStore(_temporary.Storage);
        store.Insert(User("alice", UserRole.Viewer));

        var exception = Assert.Throws<InvalidOperationException>(() => store.Insert(User("ALICE", UserRole.Admin)));

        Assert.Contains("already exists", exception.Message);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void Update_ChangesRoleAndDeleteRemoves()
    {
        var store = new LiteDbUserStore(_temporary.Storage);
        store.Insert(User("bob", UserRole.Viewer));

        store.Update(User("bob", UserRole.Researcher));
        var updated = store.Find("bob");
        bool deleted = store.Delete("BOB");

        Assert.Equal(UserRole.Researcher, updated!.Role);
        Assert.True(deleted);
        Assert.Null(store.Find("bob"));
    }

    [Fact]
    public void ApiTokens_FindListAndDelete()
    {
        var store = new LiteDbApiTokenStore(_temporary.Storage);
        store.Insert(Token("t1", "alice", "AB01"));
        store.Insert(Token("t2", "Alice", "ab02") with { CreatedAt = Created.AddMinutes(1) });
        store.Insert(Token("t3", "bob", "ab03"));

        var byHash = store.FindByTokenHash("AB02");
        var listed = store.ListForUser("ALICE");
        int removed = store.DeleteForUser("alice");

        Assert.Equal("t2", byHash!.Id);
        Assert.Equal(["t2", "t1"], listed.Select(token => token.Id));
        Assert.Equal(2, removed);
        Assert.Null(store.Find("t1"));
        Assert.NotNull(store.Find("t3"));
    }

    [Fact]
    public void ApiTokens_DuplicateHash_Throws()
    {
        var store = new LiteDbApiTokenStore(_temporary.Storage);
        store.Insert(Token("t1", "alice", "ab01"));

        Assert.Throws<InvalidOperationException>(() => store.Insert(Token("t2", "bob", "AB01")));
    }

    private static DashboardUser User(string name, UserRole role) =>
        new() { Name = name, Role = role, PasswordHash = $"hash-of-{name}", CreatedAt = Created };

    private static ApiToken Token(string id, string userName, string hash) => new()
    {
        Id = id,
        UserName = userName,
        Label = "script",
        TokenHash = hash,
        TokenPrefix = "prefix00",
        CreatedAt = Created,
    };
}
