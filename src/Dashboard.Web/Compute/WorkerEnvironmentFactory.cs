using Dashboard.Core.Experiments;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>Builds the <see cref="RunEnvironment"/> handed to each worker from the server's settings.</summary>
public sealed class WorkerEnvironmentFactory(
    IOptionsMonitor<ComputeOptions> compute,
    IOptionsMonitor<DatasetOptions> datasets,
    IHostEnvironment host)
{
    public RunEnvironment Create()
    {
        var settings = compute.CurrentValue;
        var paths = datasets.CurrentValue.Paths.ToDictionary(
            entry => entry.Key,
            entry => Path.GetFullPath(entry.Value, host.ContentRootPath),
            StringComparer.Ordinal);

        return new RunEnvironment
        {
            DatasetPaths = paths,
            Device = settings.Device,
            TorchThreads = settings.TorchThreads,
        };
    }
}
