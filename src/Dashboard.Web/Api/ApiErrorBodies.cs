using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Api;

/// <summary>
/// Gives API error responses without a body, such as a query value that does not bind, a problem-details body. It
/// also turns off the dashboard's HTML error page for API paths, which people in a browser still get elsewhere.
/// </summary>
internal static class ApiErrorBodies
{
    public static IApplicationBuilder UseApiErrorBodies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            await next(context);

            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0 && response.ContentType is null)
            {
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context });
            }
        });
}
