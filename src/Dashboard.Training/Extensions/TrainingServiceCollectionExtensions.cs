using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Training.Extensions;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// Registers every experiment kind of this project as an <see cref="IExperimentKind"/> singleton, and an
    /// <see cref="ExperimentCatalog"/> over all registered kinds unless one is registered already.
    /// Calling it twice registers nothing new.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExperimentKind, BackdoorExperiment>());
        services.TryAddSingleton(provider => new ExperimentCatalog(provider.GetServices<IExperimentKind>()));
        return services;
    }
}
