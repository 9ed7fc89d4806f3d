using Dashboard.Core.Protocol;

namespace Dashboard.Web.Security;

/// <summary>Problem-details refusals for API callers: 401 without valid credentials, 403 with the missing role.</summary>
public static class AccessProblems
{
    /// <summary>Whether a refusal of <paramref name="request"/> gets problem details instead of a redirect to the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(RunsHubContract.Path);

    public static Task WriteUnauthorizedAsync(HttpContext context) => WriteAsync(
        context,
        StatusCodes.Status401Unauthorized,
        "Sign-in required",
        "Send a valid API token as 'Authorization: Bearer <token>' (create one on the account page or with POST /api/v1/tokens), or sign in.");

    /// <summary>Writes 403 naming the role the signed-in user lacks.</summary>
    public static Task WriteForbiddenAsync(HttpContext context, string missingRole) => WriteAsync(
        context,
        StatusCodes.Status403Forbidden,
        "Permission denied",
        ForbiddenMessage(context.User, missingRole));

    public static string ForbiddenMessage(System.Security.Claims.ClaimsPrincipal user, string missingRole)
    {
        string current = DashboardRoles.RoleOf(user) is { } role ? DashboardRoles.Name(role) : "no role";
        return $"This needs the {missingRole} role; {user.Identity?.Name ?? "you"} has the {current} role.";
    }

    /// <summary>Returns 403 for a user who may not change a run, naming its owner.</summary>
    public static IResult NotOwner(string subject, string? owner) => Results.Problem(
        owner is null
            ? $"{subject} has no owner; only the admin role may change it."
            : $"{subject} belongs to {owner}; only its owner or the admin role may change it.",
        statusCode: StatusCodes.Status403Forbidden,
        title: "Permission denied");

    private static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
