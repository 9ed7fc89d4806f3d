namespace Dashboard.Storage;

/// <summary>A person who signs in to the dashboard. The password is kept only as a salted hash.</summary>
public sealed record DashboardUser
{
    /// <summary>Sign-in name, unique ignoring case; also recorded as the owner of the runs the user launches.</summary>
    public required string Name { get; init; }

    public required UserRole Role { get; init; }

    /// <summary>Salted password hash in the format of ASP.NET Core's <c>PasswordHasher</c>.</summary>
    public required string PasswordHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
