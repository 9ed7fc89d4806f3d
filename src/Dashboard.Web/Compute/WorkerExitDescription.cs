namespace Dashboard.Web.Compute;

/// <summary>Words for a worker's exit status. On Linux .NET reports a death by signal N as exit code 128 + N.</summary>
public static class WorkerExitDescription
{
    public static string Describe(int exitCode)
    {
        if (exitCode <= 128 || exitCode > 128 + 64)
        {
            return $"exited with code {exitCode}";
        }

        int signal = exitCode - 128;
        return signal switch
        {
            9 => "was killed by signal 9 (SIGKILL), as the kernel does when memory runs out",
            11 => "crashed with a segmentation fault (signal 11, SIGSEGV)",
            6 => "aborted (signal 6, SIGABRT)",
            15 => "was terminated by signal 15 (SIGTERM)",
            2 => "was interrupted by signal 2 (SIGINT)",
            _ => $"was ended by signal {signal}",
        } + $" (exit code {exitCode})";
    }
}
