using System.Security.Claims;
using Bunit;
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
    {
        Server = new DashboardServer();
        Server.StartServer();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddFallbackServiceProvider(Server.Services);

        var authorization = AddAuthorization();
        authorization.SetAuthorized(DashboardRoles.LocalUserName);
        authorization.SetRoles(DashboardRoles.Viewer, DashboardRoles.Researcher, DashboardRoles.Admin);
        authorization.SetPolicies(DashboardRoles.Viewer, DashboardRoles.Researcher, DashboardRoles.Admin);
        authorization.SetClaims(new Claim(DashboardRoles.LocalUserClaim, "true"));
    }

    protected DashboardServer Server { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Server.Dispose();
    }

    /// <summary>Renders the MudBlazor popover host that selects and menus need.</summary>
    protected void RenderPopoverProvider() => Render<MudPopoverProvider>();
}
