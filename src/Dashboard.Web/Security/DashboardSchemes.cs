namespace Dashboard.Web.Security;

/// <summary>Authentication scheme names.</summary>
public static class DashboardSchemes
{
    /// <summary>Default scheme: forwards to one of the others, depending on the sign-in mode and the request.</summary>
    public const string Selector = "Dashboard";

    /// <summary>Browser sign-in cookie.</summary>
    public const string Cookie = "Cookies";

    /// <summary><c>Authorization: Bearer</c> API token, or <c>access_token</c> in the query on the runs hub.</summary>
    public const string ApiToken = "ApiToken";

    /// <summary>The local user, as admin, when sign-in is off.</summary>
    public const string LocalUser = "LocalUser";

    /// <summary>Address of the sign-in page, where browsers without a sign-in are sent.</summary>
    public const string SignInPath = "/signin";
}
