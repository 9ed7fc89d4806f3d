using System.Runtime.InteropServices;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>
/// CPU time of this process from clock_gettime(CLOCK_PROCESS_CPUTIME_ID), which counts nanoseconds. Process.TotalProcessorTime
/// reads /proc/self/stat, whose 10 ms clock ticks are too coarse for a few milliseconds of work per epoch.
/// </summary>
public static class ProcessCpuTime
{
    /// <summary>CLOCK_PROCESS_CPUTIME_ID in Linux's time.h.</summary>
    private const int ProcessCpuClock = 2;

    public static TimeSpan Now()
    {
        if (ClockGetTime(ProcessCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
