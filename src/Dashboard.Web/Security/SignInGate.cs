using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Security;

/// <summary>
/// While sign-in is required, turns away anonymous requests to endpoints that carry no authorization rule of
/// their own: API callers get 401, browsers are sent to the sign-in page. Endpoints marked anonymous (shared
/// pages, the health check, the sign-in page, static assets, worker endpoints, the runs hub) pass, and so
/// does the Blazor circuit, whose router checks each page's rule.
/// </summary>
public sealed class SignInGate(RequestDelegate next, SignInMode mode)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!mode.Required
            || context.User.Identity?.IsAuthenticated == true
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null
            || context.Request.Path.StartsWithSegments("/_blazor"))
        {
            await next(context);
            return;
        }

        if (AccessProblems.IsApiRequest(context.Request))
        {
            await AccessProblems.WriteUnauthorizedAsync(context);
            return;
        }

        await context.ChallengeAsync(DashboardSchemes.Cookie);
    }
}
