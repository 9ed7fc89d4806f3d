namespace Dashboard.Benchmarks;

internal static class ProcessMemory
{
    /// <summary>Returns the resident set size in MiB from /proc/self/status (VmRSS), or null where that file is absent.</summary>
    public static double? ResidentMebibytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // The line reads "VmRSS:    123456 kB".
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return null;
    }
}
