using System.Diagnostics;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Process helpers for tests that kill, stop or imitate workers.</summary>
public static class Processes
{
    /// <summary>Sends a signal with the system's kill command, for example "STOP".</summary>
    public static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public static bool IsAlive(int processId)
    {
        // A killed child stays a zombie until reaped; /proc/PID/stat shows state 'Z' then.
        string stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            string text = File.ReadAllText(stat);
            char state = text[text.LastIndexOf(')') + 2];
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task WaitUntilGoneAsync(int processId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(processId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Process {processId} is still alive after {timeout.TotalSeconds:F0} s.");
            await Task.Delay(100);
        }
    }
}
