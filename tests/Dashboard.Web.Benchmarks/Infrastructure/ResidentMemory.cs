using System.Globalization;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>Reads a process's memory and CPU time from /proc (Linux only).</summary>
public static class ResidentMemory
{
    /// <summary>Returns the resident set size (VmRSS) of a process in MiB, or NaN where /proc has no entry for it.</summary>
    public static double Mebibytes(int processId)
    {
        string path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // The line reads "VmRSS:    123456 kB".
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
