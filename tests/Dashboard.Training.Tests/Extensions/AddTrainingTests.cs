using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Training.Tests.Extensions;

public sealed class AddTrainingTests
{
    [Fact]
    public void RegistersBackdoorKind()
    {
        var services = new ServiceCollection().AddTraining();

        var kind = Assert.Single(services, d => d.ServiceType == typeof(IExperimentKind));
        Assert.Equal(typeof(BackdoorExperiment), kind.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, kind.Lifetime);
    }

    [Fact]
    public void RegistersCatalogSingleton()
    {
        var services = new ServiceCollection().AddTraining();

        var catalog = Assert.Single(services, d => d.ServiceType == typeof(ExperimentCatalog));
        Assert.Equal(ServiceLifetime.Singleton, catalog.Lifetime);
    }

    [Fact]
    public void SecondCallAddsNothing()
    {
        var services = new ServiceCollection().AddTraining();
        int count = services.Count;

        services.AddTraining();

        Assert.Equal(count, services.Count);
    }
}
