using System.Text.RegularExpressions;
using Dashboard.Storage;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>
/// Creates, checks and changes dashboard users. Passwords are hashed with ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a random salt per password); the clear text is never stored.
/// </summary>
public sealed partial class UserAccounts(IUserStore users, IApiTokenStore tokens, TimeProvider time, ILogger<UserAccounts> logger)
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    private readonly PasswordHasher<DashboardUser> _hasher = new();

    // Serialises checks and writes, so that two requests cannot both remove the last admin.
    private readonly Lock _gate = new();

    public IReadOnlyList<DashboardUser> List() => users.List();

    public DashboardUser? Find(string name) => users.Find(name);

    public bool HasUsers => users.Count() > 0;

    /// <summary>Returns why <paramref name="name"/> cannot be a user name, or null when it can.</summary>
    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !UserNamePattern().IsMatch(name))
        {
            return $"The user name '{name}' is invalid; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }

        return name.Equals(DashboardRoles.LocalUserName, StringComparison.OrdinalIgnoreCase)
            ? $"The name '{DashboardRoles.LocalUserName}' is reserved for the local user when sign-in is off; pick another."
            : null;
    }

    /// <summary>Returns why <paramref name="password"/> cannot be used, or null when it can.</summary>
    public static string? ValidatePassword(string? password) =>
        password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength
            ? $"The password must be {MinPasswordLength} to {MaxPasswordLength} characters long; it is {password?.Length ?? 0}."
            : null;

    /// <summary>Adds a user; returns the error when the name or password is invalid or the name is taken.</summary>
    public string? Create(string? name, UserRole role, string? password)
    {
        if ((ValidateName(name) ?? ValidatePassword(password)) is { } error)
        {
            return error;
        }

        var user = new DashboardUser { Name = name!, Role = role, PasswordHash = string.Empty, CreatedAt = time.GetUtcNow() };
        user = user with { PasswordHash = _hasher.HashPassword(user, password!) };
        lock (_gate)
        {
            if (users.Find(name!) is not null)
            {
                return $"A user named '{name}' already exists.";
            }

            users.Insert(user);
        }

        logger.LogInformation("Added user {UserName} with role {Role}", user.Name, DashboardRoles.Name(role));
        return null;
    }

    /// <summary>Returns the user when <paramref name="password"/> is theirs, else null. Rehashes a password stored in an older format.</summary>
    public DashboardUser? Verify(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || users.Find(name) is not { } user)
        {
            return null;
        }

        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = _hasher.HashPassword(user, password) };
            users.Update(user);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Changes a user's role and, when given, password. Returns the error, or null on success.</summary>
    public string? Update(string name, UserRole? role, string? password)
    {
        if (password is not null && ValidatePassword(password) is { } passwordError)
        {
            return passwordError;
        }

        lock (_gate)
        {
            if (users.Find(name) is not { } user)
            {
                return $"No user is named '{name}'.";
            }

            if (role is { } newRole && newRole != UserRole.Admin && user.Role == UserRole.Admin && AdminCount() == 1)
            {
                return $"'{user.Name}' is the only admin; make another user admin first.";
            }

            user = user with { Role = role ?? user.Role };
            if (password is not null)
            {
                user = user with { PasswordHash = _hasher.HashPassword(user, password) };
            }

            users.Update(user);
            logger.LogInformation("Changed user {UserName}: role {Role}, password {PasswordChanged}", user.Name, DashboardRoles.Name(user.Role), password is not null ? "changed" : "kept");
            return null;
        }
    }

    /// <summary>Removes a user and their API tokens. Returns the error, or null on success.</summary>
    public string? Delete(string name)
    {
        lock (_gate)
        {
            if (users.Find(name) is not { } user)
            {
                return $"No user is named '{name}'.";
            }

            if (user.Role == UserRole.Admin && AdminCount() == 1)
            {
                return $"'{user.Name}' is the only admin and cannot be removed.";
            }

            users.Delete(name);
            int revoked = tokens.DeleteForUser(name);
            logger.LogInformation("Removed user {UserName} and {TokenCount} API tokens", user.Name, revoked);
            return null;
        }
    }

    private int AdminCount() => users.List().Count(u => u.Role == UserRole.Admin);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex UserNamePattern();
}
