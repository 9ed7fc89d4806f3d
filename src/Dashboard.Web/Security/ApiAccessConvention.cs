using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Dashboard.Web.Security;

/// <summary>
/// Applies access rules to every endpoint of the HTTP API from one place, keyed on the route and HTTP method,
/// so the API files stay free of authorization code:
/// <list type="bullet">
/// <item>routes under <c>/share/</c> (opened with a share token) and <c>/api/worker/</c> (checked against the run token) are anonymous;</item>
/// <item>GET and HEAD need the viewer role, every other method the researcher role;</item>
/// <item>changes to <c>/api/v1/runs/{id}</c> and <c>/api/v1/groups/{id}</c> and what is under them also need
/// ownership of the run or group, unless the user is an admin.</item>
/// </list>
/// </summary>
public static class ApiAccessConvention
{
    public static TBuilder WithApiAccessRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(Apply);
        return builder;
    }

    private static void Apply(EndpointBuilder endpoint)
    {
        string pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty;
        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }

        if (pattern.StartsWith("/share/", StringComparison.Ordinal) || pattern.StartsWith("/api/worker/", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
            return;
        }

        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        bool readOnly = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
        endpoint.Metadata.Add(new AuthorizeAttribute(readOnly ? DashboardRoles.Viewer : DashboardRoles.Researcher));
        if (readOnly)
        {
            return;
        }

        if (pattern.StartsWith("/api/v1/runs/{id}", StringComparison.Ordinal))
        {
            endpoint.FilterFactories.Add((_, next) => context => CheckAsync(context, next, (ownership, user, id) => ownership.CheckRun(user, id)));
        }
        else if (pattern.StartsWith("/api/v1/groups/{id}", StringComparison.Ordinal))
        {
            endpoint.FilterFactories.Add((_, next) => context => CheckAsync(context, next, (ownership, user, id) => ownership.CheckGroup(user, id)));
        }
    }

    private static ValueTask<object?> CheckAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next,
        Func<RunOwnership, System.Security.Claims.ClaimsPrincipal, string, IResult?> check)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("id") is string id
            && check(http.RequestServices.GetRequiredService<RunOwnership>(), http.User, id) is { } refusal)
        {
            return ValueTask.FromResult<object?>(refusal);
        }

        return next(context);
    }
}
