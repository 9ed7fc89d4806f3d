using System.Text.Encodings.Web;
using Dashboard.Core.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Authenticates an API token from <c>Authorization: Bearer</c>, or, on the runs hub, from the
/// <c>access_token</c> query parameter that SignalR clients use for WebSockets and server-sent events.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Returns the bearer token the request carries, or null.</summary>
    public static string? ReadToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim();
        }

        if (request.Path.StartsWithSegments(RunsHubContract.Path) && request.Query["access_token"] is { Count: > 0 } query)
        {
            return query[0];
        }

        return null;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret = ReadToken(Request);
        if (secret is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (tokens.Authenticate(secret) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API token is unknown or revoked."));
        }

        var principal = DashboardRoles.CreatePrincipal(user.Name, user.Role, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccessProblems.WriteUnauthorizedAsync(Context);
}
