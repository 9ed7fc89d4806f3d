using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Storage;

/// <summary>
/// Opens the database and the artifact folder when the host starts. Singletons are otherwise built on first
/// use, and an unwritable path would surface only when the first run is launched.
/// </summary>
internal sealed class StorageStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<LiteDbStorage>();
        services.GetRequiredService<IArtifactStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
