using System.Security.Claims;
using Dashboard.Storage;

namespace Dashboard.Web.Security;

/// <summary>
/// Role names and authorization policy names. A principal carries a role claim for its own role and for every
/// role below it, so that an admin satisfies the researcher and viewer policies too.
/// </summary>
public static class DashboardRoles
{
    public const string Viewer = "viewer";
    public const string Researcher = "researcher";
    public const string Admin = "admin";

    /// <summary>Name of the principal that stands for the local user when sign-in is off.</summary>
    public const string LocalUserName = "local";

    /// <summary>Claim set on the principal of the local user when sign-in is off.</summary>
    public const string LocalUserClaim = "dashboard:local";

    public static string Name(UserRole role) => role switch
    {
        UserRole.Admin => Admin,
        UserRole.Researcher => Researcher,
        _ => Viewer,
    };

    /// <summary>Parses <c>viewer</c>, <c>researcher</c> or <c>admin</c> (any case); returns false for anything else.</summary>
    public static bool TryParse(string? text, out UserRole role)
    {
        role = UserRole.Viewer;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Viewer:
                role = UserRole.Viewer;
                return true;
            case Researcher:
                role = UserRole.Researcher;
                return true;
            case Admin:
                role = UserRole.Admin;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Builds the principal of <paramref name="userName"/> with <paramref name="role"/> for an authentication scheme.</summary>
    public static ClaimsPrincipal CreatePrincipal(string userName, UserRole role, string authenticationType, params Claim[] extra)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName) };
        for (var included = UserRole.Viewer; included <= role; included++)
        {
            claims.Add(new Claim(ClaimTypes.Role, Name(included)));
        }

        claims.AddRange(extra);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Returns the highest role the principal holds, or null for an anonymous principal.</summary>
    public static UserRole? RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(Admin) ? UserRole.Admin
        : user.IsInRole(Researcher) ? UserRole.Researcher
        : user.IsInRole(Viewer) ? UserRole.Viewer
        : null;

    /// <summary>Name to record as the owner of what <paramref name="user"/> creates: null for the local user when sign-in is off.</summary>
    public static string? OwnerName(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == LocalUserClaim) || user.Identity?.IsAuthenticated != true ? null : user.Identity.Name;

    /// <summary>
    /// Whether <paramref name="user"/> may change (cancel, resume, annotate, archive, delete or share) a run owned
    /// by <paramref name="owner"/>: admins may change any run, researchers only their own.
    /// </summary>
    public static bool MayChange(ClaimsPrincipal user, string? owner)
    {
        if (user.IsInRole(Admin))
        {
            return true;
        }

        return user.IsInRole(Researcher) && owner is not null
            && string.Equals(owner, user.Identity?.Name, StringComparison.OrdinalIgnoreCase);
    }
}
