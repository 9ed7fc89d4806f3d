using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

public sealed class LiteDbRunGroupStoreTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2025, 4, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbRunGroupStore _store;

    public LiteDbRunGroupStoreTests()
    {
        _store = new LiteDbRunGroupStore(_temporary.Storage);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Find_AfterInsert_ReturnsEveryField()
    {
        var group = Group("group1", minutes: 0);
        _store.Insert(group);

        var found = _store.Find("group1")!;

        Assert.Equal(group.Name, found.Name);
        Assert.Equal(group.Kind, found.Kind);
        Assert.Equal(group.CreatedAt, found.CreatedAt);
        Assert.Equal("defence.kind", found.VariedField);
        Assert.Equal("Defence", found.VariedFieldLabel);
        Assert.Equal(group.Members, found.Members);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Assert.Null(_store.Find("missing"));
    }

    [Fact]
    public void Insert_DuplicateId_Throws()
    {
        _store.Insert(Group("group1", minutes: 0));

        Assert.Throws<InvalidOperationException>(() => _store.Insert(Group("group1", minutes: 1)));
    }

    [Fact]
    public void List_ReturnsNewestFirstAndPages()
    {
        _store.Insert(Group("old", minutes: 0));
        _store.Insert(Group("new", minutes: 10));
        _store.Insert(Group("middle", minutes: 5));

        Assert.Equal(["new", "middle", "old"], _store.List(0, 10).Select(g => g.Id));
        Assert.Equal(["middle"], _store.List(1, 1).Select(g => g.Id));
    }

    [Fact]
    public void Reopen_KeepsGroups()
    {
        _store.Insert(Group("group1", minutes: 0));

        _temporary.Reopen();
        var store = new LiteDbRunGroupStore(_temporary.Storage);

        Assert.Equal(3, store.Find("group1")!.Members.Count);
    }

    private static RunGroup Group(string id, int minutes) => new()
    {
        Id = id,
        Name = $"all attacks {id}",
        Kind = "backdoor",
        CreatedAt = Created.AddMinutes(minutes),
        VariedField = "defence.kind",
        VariedFieldLabel = "Defence",
        Members =
        [
            new RunGroupMember($"{id}-a", "none", "None"),
            new RunGroupMember($"{id}-b", "badLoss", "BaDLoss"),
            new RunGroupMember($"{id}-c", "spectralSignatures", "Spectral Signatures"),
        ],
    };
}
