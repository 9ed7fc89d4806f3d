using Dashboard.Core.Experiments;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Support;

public static class TestEnvironments
{
    /// <summary>
    /// Threads fixed at 2 so that runs repeat exactly on machines with more cores; libtorch's results
    /// depend on the thread count.
    /// </summary>
    public const int TorchThreads = 2;

    /// <summary>The CPU, 2 libtorch threads and Fashion-MNIST from Debian's dataset-fashion-mnist package.</summary>
    public static RunEnvironment FashionMnistOnCpu(string folder = FashionMnist.DebianPackageFolder) => new()
    {
        DatasetPaths = new Dictionary<string, string> { [FashionMnist.DatasetId] = folder },
        Device = "cpu",
        TorchThreads = TorchThreads,
    };
}
