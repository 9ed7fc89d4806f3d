namespace Dashboard.Cli;

/// <summary>Process exit codes of <c>labdash</c>, listed in its help text.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A followed run ended Failed, Cancelled or Interrupted.</summary>
    public const int RunNotCompleted = 1;

    /// <summary>Invalid input: a bad command line or file, an unknown field, a 400 or 409 from the server.</summary>
    public const int InvalidInput = 2;

    /// <summary>The server cannot be reached, or it returned a server error (5xx).</summary>
    public const int Unreachable = 3;

    /// <summary>The run, kind or preset does not exist (404).</summary>
    public const int NotFound = 4;

    /// <summary>The server rejected the credentials (401 or 403).</summary>
    public const int NotAllowed = 5;

    /// <summary>Following stopped at Ctrl+C while the run goes on. The value is 128 + SIGINT (2), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit-code table shown at the end of <c>labdash --help</c>.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Descriptions =
    [
        (Success, "success, and a followed run ended Completed"),
        (RunNotCompleted, "a followed run ended Failed, Cancelled or Interrupted"),
        (InvalidInput, "invalid input: bad option or file, unknown field, rejected request (400, 409)"),
        (Unreachable, "cannot reach the server, or it returned a server error (5xx)"),
        (NotFound, "run, kind or preset not found (404)"),
        (NotAllowed, "not allowed: missing or rejected token (401, 403)"),
        (Interrupted, "Ctrl+C stopped following, and the run goes on"),
    ];
}
