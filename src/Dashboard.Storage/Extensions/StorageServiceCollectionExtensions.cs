using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the run database and the stores as singletons, with <see cref="StorageOptions"/> bound from the
    /// <c>Storage</c> section and relative paths resolved against <paramref name="contentRoot"/>. A hosted service
    /// opens the database and the artifact folder at start-up, so an unwritable path stops the host with a
    /// <see cref="StorageUnavailableException"/>. The container disposes <see cref="LiteDbStorage"/> on shutdown.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.ResolvePaths(contentRoot));

        services.AddSingleton(provider => new LiteDbStorage(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<ILogger<LiteDbStorage>>()));
        services.AddSingleton<IArtifactStore>(provider => new FileArtifactStore(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<ILogger<FileArtifactStore>>()));
        services.AddSingleton<IRunStore, LiteDbRunStore>();
        services.AddSingleton<IMetricStore, LiteDbMetricStore>();
        services.AddSingleton<IRunLogStore, LiteDbRunLogStore>();
        services.AddSingleton<IShareLinkStore, LiteDbShareLinkStore>();
        services.AddSingleton<IRunGroupStore, LiteDbRunGroupStore>();
        services.AddSingleton<IUserStore, LiteDbUserStore>();
        services.AddSingleton<IApiTokenStore, LiteDbApiTokenStore>();
        services.AddSingleton<RunDeletion>();
        services.AddHostedService<StorageStartupCheck>();

        return services;
    }
}
