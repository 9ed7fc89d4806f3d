using Dashboard.Web.Sharing;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Sharing;

/// <summary>Sets the HTTP status of a shared page whose link is closed, and sends unknown tokens to the not-found page.</summary>
public static class ShareStatusCode
{
    /// <summary>
    /// Returns true when <paramref name="access"/> is active. A revoked or expired link gets 410 Gone on the
    /// server-rendered response, because later interactive renders have no HTTP response. An unknown token
    /// renders the not-found page with 404.
    /// </summary>
    public static bool Apply(ShareLinkAccess access, HttpContext? httpContext, NavigationManager navigation)
    {
        if (access.IsActive)
        {
            return true;
        }

        if (access.State == ShareLinkState.Unknown)
        {
            navigation.NotFound();
        }
        else if (httpContext is { Response.HasStarted: false })
        {
            httpContext.Response.StatusCode = StatusCodes.Status410Gone;
        }

        return false;
    }
}
