namespace Dashboard.Worker;

/// <summary>
/// Arguments of a worker process: <c>worker --server URL --run RUN_ID</c>. The run token comes from the
/// environment variable named by <see cref="Core.Protocol.RunsHubContract.WorkerTokenVariable"/> so that it
/// never shows in a process listing.
/// </summary>
public sealed record WorkerCommandLine(Uri Server, string RunId, string Token)
{
    public const string Verb = "worker";

    public static bool IsWorkerInvocation(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Parses the arguments after the verb; throws <see cref="ArgumentException"/> with a usage message when they are wrong.</summary>
    public static WorkerCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? server = null;
        string? runId = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case Verb when i == 0:
                    break;
                case "--server" when i + 1 < args.Count:
                    server = args[++i];
                    break;
                case "--run" when i + 1 < args.Count:
                    runId = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown worker argument '{args[i]}'. {Usage}");
            }
        }

        if (server is null || !Uri.TryCreate(server, UriKind.Absolute, out var serverUri))
        {
            throw new ArgumentException($"Missing or invalid --server '{server}'. {Usage}");
        }

        if (string.IsNullOrWhiteSpace(runId))
        {
            throw new ArgumentException($"Missing --run. {Usage}");
        }

        string variable = Core.Protocol.RunsHubContract.WorkerTokenVariable;
        string token = environment(variable) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"The environment variable {variable} with the run token is not set. {Usage}");

        return new WorkerCommandLine(serverUri, runId, token);
    }

    private const string Usage =
        "Usage: Dashboard.Web worker --server http://127.0.0.1:5000 --run RUN_ID (with the run token in DASHBOARD_RUN_TOKEN). " +
        "The dashboard starts workers itself; run one by hand only to debug.";
}
