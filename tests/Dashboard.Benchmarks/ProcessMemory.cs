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

    /// <summary>
    /// Returns the process's minor page faults so far (field 10 of /proc/self/stat), or null where that file is
    /// absent. Each fault maps one 4 KiB page of fresh memory, so a count that grows with every training step
    /// means the allocator gives memory back to the kernel and faults it in again.
    /// </summary>
    public static long? MinorPageFaults()
    {
        const string path = "/proc/self/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // The command name in brackets may contain spaces, so the fields are counted after its closing bracket.
        string stat = File.ReadAllText(path);
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }
}
