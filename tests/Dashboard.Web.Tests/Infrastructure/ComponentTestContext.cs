using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context whose services come from a real application host (LiteDB in a temporary folder, the
/// experiment catalog, the live feed), with MudBlazor's services and loose JavaScript interop.
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
