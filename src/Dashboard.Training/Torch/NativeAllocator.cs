using System.Runtime.InteropServices;

namespace Dashboard.Training.Torch;

/// <summary>
/// Tunes glibc's malloc, which libtorch uses for CPU tensors. glibc serves blocks above its mmap threshold
/// (128 KiB at first, raised only when such a block is freed) with mmap, and returns free heap memory
/// above its trim threshold to the kernel. Per-batch activations of a few MiB then cost new page faults
/// on every step. In the default backdoor run (tests/Dashboard.Benchmarks, 2-core x86-64 CPU) the first
/// epoch took about twice as long as later ones, until the first evaluation's larger blocks raised the
/// threshold. With fixed thresholds the first epoch took 2.8 s instead of 4.6 s, and evaluation 0.3 s
/// instead of 0.8 s.
/// </summary>
public static class NativeAllocator
{
    private const int TrimThresholdOption = -1;
    private const int MmapThresholdOption = -3;

    /// <summary>Blocks below this size come from the heap and are reused; the training set itself is larger.</summary>
    private const int MmapThresholdBytes = 64 << 20;

    /// <summary>Free heap memory kept for reuse before glibc returns it to the kernel.</summary>
    private const int TrimThresholdBytes = 256 << 20;

    /// <summary>
    /// Sets fixed mmap and trim thresholds for the whole process so that batch-sized blocks stay in the
    /// heap. Returns false, changing nothing, where the C library is not glibc.
    /// </summary>
    public static bool KeepBatchBuffersInHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return mallopt(MmapThresholdOption, MmapThresholdBytes) == 1
                && mallopt(TrimThresholdOption, TrimThresholdBytes) == 1;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern int mallopt(int option, int value);
}
