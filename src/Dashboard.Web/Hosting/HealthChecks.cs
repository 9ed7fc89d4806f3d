using System.Text.Json;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

/// <summary>Reports whether the run database responds.</summary>
public sealed class DatabaseHealthCheck(LiteDbStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage.IsHealthy()
            ? HealthCheckResult.Healthy("ready")
            : HealthCheckResult.Unhealthy("the run database does not answer"));
}

/// <summary>Reports whether the compute service has started dispatching runs.</summary>
public sealed class ComputeHealthCheck(ComputeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy("ready")
            : HealthCheckResult.Unhealthy("the compute service is not running"));
}

/// <summary>Writes <c>{"status": "ready", "database": "ready", "compute": "ready"}</c> for /healthz.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, string>
        {
            ["status"] = report.Status == HealthStatus.Healthy ? "ready" : "unavailable",
        };
        foreach (var (name, entry) in report.Entries)
        {
            body[name] = entry.Description ?? entry.Status.ToString();
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
