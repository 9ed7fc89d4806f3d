using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Security;

/// <summary>
/// Form posts of the sign-in page and the sign-out button. Both forms carry an anti-forgery token, which the
/// antiforgery middleware checks because the endpoints bind form fields.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPostPath = "/account/signin";
    public const string SignOutPostPath = "/account/signout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPostPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(SignOutPostPath, (Delegate)SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Returns <paramref name="returnUrl"/> when it is a local path, else the runs page; a sign-in never redirects off this server.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/runs";

    private static async Task<IResult> SignInAsync(
        [FromForm] string? name,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext context,
        UserAccounts accounts,
        ILogger<UserAccounts> logger)
    {
        string target = SafeReturnUrl(returnUrl);

        // NOTE: failed sign-ins are logged but not rate-limited, so a weak password can be guessed over time.
        if (accounts.Verify(name, password) is not { } user)
        {
            logger.LogWarning("Failed sign-in for user name {UserName} from {RemoteAddress}", name, context.Connection.RemoteIpAddress);
            return Results.Redirect($"{DashboardSchemes.SignInPath}?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        }

        var principal = DashboardRoles.CreatePrincipal(user.Name, user.Role, DashboardSchemes.Cookie);
        await context.SignInAsync(DashboardSchemes.Cookie, principal);
        logger.LogInformation("User {UserName} signed in", user.Name);
        return Results.Redirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(DashboardSchemes.Cookie);
        return Results.Redirect(DashboardSchemes.SignInPath);
    }
}
