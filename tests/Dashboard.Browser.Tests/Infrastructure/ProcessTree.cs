using System.Globalization;
using System.Runtime.InteropServices;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>
/// Finds and signals a process's descendants through /proc (Linux only). Each process is identified by its
/// PID and start time, so a PID that the system has reused for another process is never signalled.
/// </summary>
public static class ProcessTree
{
    public const int SignalTerminate = 15;
    public const int SignalKill = 9;

    /// <summary>Returns the process with <paramref name="processId"/> if it is running and not a zombie.</summary>
    public static ProcessIdentity? Find(int processId)
    {
        var stat = ReadStat(processId);
        return stat is { State: not ('Z' or 'X') } ? new ProcessIdentity(processId, stat.Value.StartTime) : null;
    }

    /// <summary>Returns the running descendants of <paramref name="root"/>: children, their children, and so on.</summary>
    public static List<ProcessIdentity> Descendants(ProcessIdentity root)
    {
        var children = new Dictionary<int, List<ProcessIdentity>>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int processId)
                || ReadStat(processId) is not { } stat
                || stat.State is 'Z' or 'X')
            {
                continue;
            }

            if (!children.TryGetValue(stat.ParentId, out var list))
            {
                children[stat.ParentId] = list = [];
            }

            list.Add(new ProcessIdentity(processId, stat.StartTime));
        }

        var found = new List<ProcessIdentity>();
        var pending = new Queue<int>([root.Id]);
        while (pending.TryDequeue(out int parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child.Id);
            }
        }

        return found;
    }

    public static bool IsRunning(ProcessIdentity process) => Find(process.Id) is { } current && current.StartTime == process.StartTime;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="process"/> unless it has already ended.</summary>
    public static void Signal(ProcessIdentity process, int signal)
    {
        if (IsRunning(process))
        {
            _ = SendSignal(process.Id, signal);
        }
    }

    /// <summary>Reads state, parent PID and start time (in clock ticks since boot) from /proc/PID/stat.</summary>
    private static (char State, int ParentId, ulong StartTime)? ReadStat(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name in field 2 is in parentheses and may contain spaces, so fields are counted
        // from the last ')': field 3 (state) comes first, field 4 is the parent PID, field 22 the start time.
        string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            ulong.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}

/// <summary>A process: its PID and its start time, which together stay unique when PIDs are reused.</summary>
public readonly record struct ProcessIdentity(int Id, ulong StartTime);
