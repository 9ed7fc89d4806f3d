using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;

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

    [Fact]
    public void Reopen_KeepsSweepAndMemberParameters()
    {
        var sweep = SweepDefinitionJson.Parse("""
            {"method":"random","trials":2,"seed":4,"maxConcurrent":1,"parameters":{"learningRate":{"min":0.0001,"max":0.01,"scale":"log"}}}
            """);
        var member = new RunGroupMember("sweep-a", "learningRate=0.001", "Learning rate 0.001")
        {
            Parameters = [new SweptValue("learningRate", "0.001", "0.001")],
        };
        _store.Insert(new RunGroup
        {
            Id = "sweep",
            Name = "learning rates",
            Kind = "backdoor",
            CreatedAt = Created,
            VariedField = "learningRate",
            VariedFieldLabel = "Learning rate",
            Members = [member],
            Sweep = sweep,
        });

        _temporary.Reopen();
        var found = new LiteDbRunGroupStore(_temporary.Storage).Find("sweep")!;

        Assert.Equal(1, found.MaxConcurrentRuns);
        Assert.Equal(SweepDefinitionJson.Write(sweep), SweepDefinitionJson.Write(found.Sweep!));
        Assert.Equal([member], found.Members);
        Assert.Equal("0.001", found.Members[0].Parameters[0].Json);
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
