using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context whose services come from a real application host (LiteDB in a temporary folder, the
/// experiment catalog, the live feed), with MudBlazor's services and loose JavaScript interop. Components see
/// the local user with every role, as on a server with sign-in off.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
        : this(configureServices: null)
    {
    }

    /// <param name="configureServices">Replaces application services of the host, as <see cref="DashboardServer"/> describes.</param>
    protected ComponentTestContext(Action<IServiceCollection>? configureServices)
    {
        Server = new DashboardServer(configureServices: configureServices);
        Server.StartServer();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddFallbackServiceProvider(Server.Services);

        _authorization = AddAuthorization();
        _authorization.SetAuthorized(DashboardRoles.LocalUserName);
        _authorization.SetRoles(DashboardRoles.Viewer, DashboardRoles.Researcher, DashboardRoles.Admin);
        _authorization.SetPolicies(DashboardRoles.Viewer, DashboardRoles.Researcher, DashboardRoles.Admin);
        _authorization.SetClaims(new Claim(DashboardRoles.LocalUserClaim, "true"));
    }

    private readonly BunitAuthorizationContext _authorization;

    protected DashboardServer Server { get; }

    /// <summary>Makes components see the signed-in user <paramref name="name"/> with <paramref name="role"/> and the roles below it.</summary>
    protected void SignInAs(string name, Dashboard.Storage.UserRole role)
    {
        string[] roles = [.. Enumerable.Range(0, (int)role + 1).Select(r => DashboardRoles.Name((Dashboard.Storage.UserRole)r))];
        _authorization.SetAuthorized(name);
        _authorization.SetRoles(roles);
        _authorization.SetPolicies(roles);
        _authorization.SetClaims();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Server.Dispose();
    }

    /// <summary>Renders the MudBlazor popover host that selects and menus need.</summary>
    protected void RenderPopoverProvider() => Render<MudPopoverProvider>();
}
