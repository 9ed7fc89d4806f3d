using Dashboard.Core.Protocol;
using Dashboard.Web.Annotations;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Compute;
using Dashboard.Web.Export;
using Dashboard.Web.Components.Results;
using Dashboard.Web.Hosting;
using Dashboard.Web.Live;
using Dashboard.Web.Security;
using Dashboard.Web.Sharing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Dashboard.Web.Extensions;

/// <summary>Registers and maps everything the web project contributes: pages, API, runs hub, compute service.</summary>
public static class DashboardWebExtensions
{
    public static WebApplicationBuilder AddDashboardWeb(this WebApplicationBuilder builder)
    {
        // Serves MudBlazor's _content/, the Blazor script and wwwroot/ from a build run in any environment,
        // not only Development. A published build serves them from its own wwwroot.
        builder.WebHost.UseStaticWebAssets();

        // Reports readiness and stopping to systemd when run as a service; does nothing otherwise.
        builder.Host.UseSystemd();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => RunsHubContract.ConfigureJson(options.SerializerOptions));

        services.AddDashboardSecurity();
        services.AddCompute(builder.Configuration);
        services.AddLiveRuns();
        services.AddSingleton<ShareLinkService>();
        services.AddSingleton<RunExporter>();
        services.AddSingleton<RunEditing>();
        services.AddSingleton<MetricHistoryExport>();
        services.AddSingleton<RunTableCsv>();
        services.AddSingleton<ResultViewRegistry>();

        // Describes the public HTTP API at /openapi/v1.json. The worker endpoints under /api/worker serve only
        // the dashboard's own worker processes, so the document leaves them out.
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/worker", StringComparison.Ordinal) != true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Lab Dashboard API";
                document.Info.Description = "Launch, follow, compare, share and export machine-learning runs. Errors are problem details (RFC 9457); invalid fields are listed under errors.";
                return Task.CompletedTask;
            });
            options.AddOperationDocumentation();
        });

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ComputeHealthCheck>("compute");

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiErrorBodies();
        app.UseDashboardSecurity();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Workers connect anonymously and prove themselves with their run token; the subscriber methods
        // carry their own role rule.
        app.MapHub<RunsHub>(RunsHubContract.Path).AllowAnonymous();

        // Every endpoint of the HTTP API gets its access rule here; see ApiAccessConvention.
        var api = app.MapGroup(string.Empty).WithApiAccessRules();
        api.MapKindsApi();
        api.MapRunsApi();
        api.MapRunEditingApi();
        api.MapRunDataApi();
        api.MapGroupsApi();
        api.MapArtifactsApi();
        api.MapSharesApi();
        api.MapExportApi();

        app.MapAccountEndpoints();
        app.MapUsersApi();
        app.MapTokensApi();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi();
        // The reference page makes no request off this server: no fonts from Scalar's CDN, no telemetry, and none
        // of the hosted AI, MCP or developer-tool features, which call scalar.com.
        app.MapScalarApiReference(options => options
            .WithTitle("Lab Dashboard API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .WithDotNetFlag(false));
        return app;
    }

    private static IServiceCollection AddCompute(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComputeOptions>()
            .BindConfiguration(ComputeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.Configure<DatasetOptions>(options => configuration.GetSection(DatasetOptions.Section).Bind(options.Paths));

        services.AddSingleton<ComputeSignal>();
        services.AddSingleton<ComputeStatus>();
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<RunLauncher>();
        services.AddSingleton<GroupCancellation>();
        services.AddSingleton<WorkerProcessLauncher>();
        services.AddSingleton<WorkerEnvironmentFactory>();
        services.AddSingleton<OrphanWorkers>();
        services.AddSingleton<ServerAddress>();
        return services;
    }

    private static IServiceCollection AddLiveRuns(this IServiceCollection services)
    {
        services.AddSingleton<LiveRunFeed>();
        services.AddSignalR().AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions));

        // Hosted services stop in reverse order: the compute service first (its workers are stopped and
        // their runs marked Interrupted), then the flush service writes the last queued points.
        services.AddHostedService<MetricFlushService>();
        services.AddHostedService<ComputeService>();
        return services;
    }
}
