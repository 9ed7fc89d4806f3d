namespace Dashboard.Storage;

/// <summary>Dashboard users and their roles. Names compare ignoring case. Implementations are thread-safe.</summary>
public interface IUserStore
{
    /// <summary>Adds a user; throws <see cref="InvalidOperationException"/> if the name is taken.</summary>
    void Insert(DashboardUser user);

    DashboardUser? Find(string name);

    /// <summary>Returns every user, ordered by name.</summary>
    IReadOnlyList<DashboardUser> List();

    int Count();

    /// <summary>Replaces the stored user; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    void Update(DashboardUser user);

    /// <summary>Removes the user; returns false if there was none.</summary>
    bool Delete(string name);
}
