using Dashboard.Core.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Torch;

public static class TorchDevices
{
    /// <summary>
    /// Picks the device named by <paramref name="setting"/> (<see cref="RunEnvironment.Device"/>): <c>auto</c>
    /// is CUDA when libtorch reports it available, else the CPU; <c>cpu</c>; <c>cuda</c> or <c>cuda:N</c>.
    /// Call it before any other tensor work, because libtorch must probe CUDA first.
    /// </summary>
    /// <exception cref="RunFailedException">The setting is unknown, or names CUDA that is not available.</exception>
    public static Device Select(string? setting)
    {
        string value = string.IsNullOrWhiteSpace(setting) ? "auto" : setting.Trim().ToLowerInvariant();
        if (value == "cpu")
        {
            return torch.CPU;
        }

        bool cudaAvailable = torch.cuda.is_available();
        if (value == "auto")
        {
            return cudaAvailable ? torch.CUDA : torch.CPU;
        }

        if (value == "cuda" || value.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!cudaAvailable)
            {
                throw new RunFailedException(
                    $"The run environment asks for device '{setting}' but libtorch reports no usable CUDA device. "
                    + "Use device 'auto' or 'cpu', or build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU.");
            }

            return value == "cuda" ? torch.CUDA : new Device(value);
        }

        throw new RunFailedException($"Unknown device '{setting}'; use 'auto', 'cpu', 'cuda' or 'cuda:N'.");
    }

    /// <summary>Sets libtorch's intra-op thread count when <paramref name="threads"/> is positive; 0 keeps the current count.</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>Seeds libtorch's random generators (CPU and, when present, CUDA) for weight initialisation.</summary>
    public static void Seed(int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        torch.manual_seed(seed);
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.manual_seed_all(seed);
        }
    }
}
