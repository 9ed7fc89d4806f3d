using Dashboard.Core.Protocol;

namespace Dashboard.Web.Live;

/// <summary>
/// An in-process subscriber to one run, such as an open run page. Calls arrive on the feed's flush thread,
/// in order; implementations must return quickly and must not throw.
/// </summary>
public interface IRunFeedListener
{
    /// <summary>Receives everything stored at the moment of subscribing, before any live call.</summary>
    void OnHistory(RunHistoryMessage history);

    void OnMetrics(RunMetricsMessage message);

    void OnStatus(RunStatusMessage message);
}
