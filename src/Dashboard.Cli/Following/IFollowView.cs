using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;

namespace Dashboard.Cli.Following;

/// <summary>Shows a followed run: a live terminal display, or plain lines for logs and job scripts.</summary>
internal interface IFollowView
{
    /// <summary>Runs <paramref name="follow"/> while the view is on screen and returns its result.</summary>
    Task<int> ShowAsync(Func<Task<int>> follow);

    /// <summary>The run's stored history arrived; <paramref name="state"/> contains its status and latest metrics.</summary>
    void Started(FollowState state);

    void StatusChanged(FollowState state, RunStatusMessage? previous);

    /// <summary>New points arrived; <paramref name="updated"/> has the latest new point of each metric.</summary>
    void MetricsReceived(FollowState state, IReadOnlyList<(string Metric, MetricPoint Point)> updated);

    /// <summary>A message about the follower itself, such as a reconnect or a Ctrl+C.</summary>
    void Notice(string text);

    /// <summary>The run reached a final status.</summary>
    void Ended(FollowState state);
}
