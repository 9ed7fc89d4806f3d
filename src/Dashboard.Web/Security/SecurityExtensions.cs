using Dashboard.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Security;

/// <summary>Registers sign-in, API tokens and role policies, and adds them to the request pipeline.</summary>
public static class SecurityExtensions
{
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        services.AddSingleton<SignInMode>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<RunOwnership>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessResultHandler>();
        services.AddHostedService<SignInStartupCheck>();

        services.AddAuthentication(DashboardSchemes.Selector)
            .AddPolicyScheme(DashboardSchemes.Selector, "Sign-in cookie, API token or local user", options =>
                options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(DashboardSchemes.Cookie, options =>
            {
                options.LoginPath = DashboardSchemes.SignInPath;
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "dashboard.signin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RefreshPrincipalAsync;
                options.Events.OnRedirectToLogin = context => RedirectUnlessApi(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectUnlessApi(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(DashboardSchemes.ApiToken, null)
            .AddScheme<AuthenticationSchemeOptions, LocalUserHandler>(DashboardSchemes.LocalUser, null);
        services.AddOptions<CookieAuthenticationOptions>(DashboardSchemes.Cookie)
            .Configure<Microsoft.Extensions.Options.IOptions<SignInOptions>>((cookie, signIn) =>
                cookie.ExpireTimeSpan = TimeSpan.FromHours(signIn.Value.SessionHours));

        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardRoles.Viewer, policy => policy.RequireRole(DashboardRoles.Viewer))
            .AddPolicy(DashboardRoles.Researcher, policy => policy.RequireRole(DashboardRoles.Researcher))
            .AddPolicy(DashboardRoles.Admin, policy => policy.RequireRole(DashboardRoles.Admin));
        services.AddCascadingAuthenticationState();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddDocumentTransformer<BearerSchemeTransformer>());
        return services;
    }

    /// <summary>Adds authentication, the sign-in gate and authorization; call after routing and before antiforgery.</summary>
    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<SignInGate>();
        app.UseAuthorization();
        return app;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<SignInMode>().Required)
        {
            return DashboardSchemes.LocalUser;
        }

        return ApiTokenHandler.ReadToken(context.Request) is not null ? DashboardSchemes.ApiToken : DashboardSchemes.Cookie;
    }

    /// <summary>
    /// Signs out a browser whose user was removed, and applies a changed role to the next request.
    /// NOTE: an open interactive page keeps the user and role its circuit connected with until it reloads.
    /// </summary>
    private static async Task RefreshPrincipalAsync(CookieValidatePrincipalContext context)
    {
        string? name = context.Principal?.Identity?.Name;
        var user = name is null ? null : context.HttpContext.RequestServices.GetRequiredService<IUserStore>().Find(name);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardSchemes.Cookie);
            return;
        }

        if (DashboardRoles.RoleOf(context.Principal!) != user.Role)
        {
            context.ReplacePrincipal(DashboardRoles.CreatePrincipal(user.Name, user.Role, DashboardSchemes.Cookie));
            context.ShouldRenew = true;
        }
    }

    private static Task RedirectUnlessApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!AccessProblems.IsApiRequest(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return status == StatusCodes.Status401Unauthorized
            ? AccessProblems.WriteUnauthorizedAsync(context.HttpContext)
            : AccessProblems.WriteForbiddenAsync(context.HttpContext, DashboardRoles.Viewer);
    }
}
