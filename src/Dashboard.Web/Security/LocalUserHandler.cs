using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Authenticates every request as the local user with the admin role. Used only while sign-in is off.</summary>
public sealed class LocalUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var principal = DashboardRoles.CreatePrincipal(
            DashboardRoles.LocalUserName, Storage.UserRole.Admin, Scheme.Name, new Claim(DashboardRoles.LocalUserClaim, "true"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
