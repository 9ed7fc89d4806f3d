namespace Dashboard.Web.Live;

/// <summary>SignalR group names of the runs hub.</summary>
public static class RunsHubGroups
{
    /// <summary>Subscribers of one run.</summary>
    public static string Run(string runId) => $"run:{runId}";

    /// <summary>The worker of one run.</summary>
    public static string Worker(string runId) => $"worker:{runId}";

    /// <summary>Subscribers of every run's status changes.</summary>
    public const string RunList = "runs";
}
