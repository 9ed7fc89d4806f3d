using System.Runtime.InteropServices;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>A one-line description of the machine and runtime, stored with every result file.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        string cpu = "unknown CPU";
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            cpu = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return $"{Environment.ProcessorCount} logical CPUs ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
