using Dashboard.Core.Protocol;

namespace Dashboard.Web.Live;

/// <summary>A live subscription: the history at the moment of subscribing, then live calls until disposed.</summary>
public sealed class RunFeedSubscription(RunHistoryMessage history, Action unsubscribe) : IDisposable
{
    private Action? _unsubscribe = unsubscribe;

    public RunHistoryMessage History { get; } = history;

    public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
}
