using Dashboard.Core.Experiments;
using Dashboard.Training.Torch;
using TorchSharp;

namespace Dashboard.Training.Tests.Torch;

public sealed class TorchDevicesTests
{
    [Fact]
    public void CpuSelectsCpu()
    {
        Assert.Equal(DeviceType.CPU, TorchDevices.Select("cpu").type);
    }

    [Fact]
    public void AutoFollowsCudaAvailability()
    {
        var expected = torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;

        Assert.Equal(expected, TorchDevices.Select("auto").type);
    }

    [Fact]
    public void UnavailableCudaFailsRun()
    {
        if (torch.cuda.is_available())
        {
            // xunit v2 cannot skip at run time; the CPU-only CI machines run this check.
            return;
        }

        var error = Assert.Throws<RunFailedException>(() => TorchDevices.Select("cuda"));

        Assert.Contains("'cuda'", error.Message);
    }
}
