using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dashboard.Web.Security;

/// <summary>
/// Writes problem details for rejected API calls: 401 without valid credentials, 403 naming the missing role.
/// Pages keep the default behaviour, a redirect to the sign-in or access-denied page.
/// </summary>
public sealed class AccessResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !AccessProblems.IsApiRequest(context.Request))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        if (authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            return AccessProblems.WriteUnauthorizedAsync(context);
        }

        string missing = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).FirstOrDefault()
            ?? DashboardRoles.Viewer;
        return AccessProblems.WriteForbiddenAsync(context, missing);
    }
}
