using LiteDB;

namespace Dashboard.Storage;

/// <summary>Users in the <c>users</c> collection, keyed by the lower-case name.</summary>
public sealed class LiteDbUserStore : IUserStore
{
    private readonly ILiteCollection<BsonDocument> _users;

    public LiteDbUserStore(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        _users = storage.Database.GetCollection(StorageCollections.Users);
    }

    public void Insert(DashboardUser user)
    {
        var document = UserDocument.FromUser(user);
        try
        {
            _users.Insert(document);
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"A user named '{user.Name}' already exists.", exception);
        }
    }

    public DashboardUser? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        var document = _users.FindById(UserDocument.Key(name));
        return document is null ? null : UserDocument.ToUser(document);
    }

    public IReadOnlyList<DashboardUser> List() =>
        _users.Query().OrderBy("$._id").ToList().Select(UserDocument.ToUser).ToList();

    public int Count() => _users.Count();

    public void Update(DashboardUser user)
    {
        if (!_users.Update(UserDocument.FromUser(user)))
        {
            throw new KeyNotFoundException($"User '{user.Name}' was not found; insert it before updating it.");
        }
    }

    public bool Delete(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return _users.Delete(UserDocument.Key(name));
    }
}
