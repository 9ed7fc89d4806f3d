using System.Collections.Concurrent;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>
/// The path of every metric point from a worker to storage and subscribers. Points are queued as they
/// arrive and flushed a few times per second. Each flush writes one batch to the metric store and then
/// sends the same points to the run's SignalR group and in-process listeners.
/// <para>
/// A per-run gate makes a subscription see no gap and no duplicate. Subscribing takes the gate, joins the
/// group, reads the stored history and sends it. Every point is therefore either in the history (flushed
/// before) or in a later live message (flushed after). Status messages take the gate too and flush first,
/// so a final status always follows the run's last points.
/// </para>
/// </summary>
public sealed class LiveRunFeed(
    IMetricStore metrics,
    IRunStore runs,
    IHubContext<RunsHub> hub,
    ILogger<LiveRunFeed> logger)
{
    private readonly ConcurrentDictionary<string, RunChannel> _channels = new(StringComparer.Ordinal);
    private readonly object _runListGate = new();
    private readonly List<Action<RunStatusMessage>> _runListListeners = [];

    /// <summary>Queues points reported by a worker; they reach storage and subscribers at the next flush.</summary>
    public void Enqueue(string runId, IReadOnlyList<MetricBatch> batches)
    {
        var channel = Channel(runId);
        lock (channel.PendingGate)
        {
            channel.Pending.AddRange(batches);
        }
    }

    /// <summary>Flushes every run with queued points.</summary>
    public async Task FlushAllAsync(CancellationToken cancellationToken)
    {
        foreach (var (runId, channel) in _channels)
        {
            if (!channel.HasPending)
            {
                continue;
            }

            await channel.Gate.WaitAsync(cancellationToken);
            try
            {
                await FlushLockedAsync(runId, channel);
            }
            finally
            {
                channel.Gate.Release();
            }
        }
    }

    /// <summary>Writes one run's queued points to storage and sends them to its subscribers now.</summary>
    public async Task FlushAsync(string runId)
    {
        var channel = Channel(runId);
        await channel.Gate.WaitAsync();
        try
        {
            await FlushLockedAsync(runId, channel);
        }
        finally
        {
            channel.Gate.Release();
        }
    }

    /// <summary>Flushes a run's queued points, then sends its new status to every subscriber.</summary>
    public async Task PublishStatusAsync(RunRecord run)
    {
        var message = RunStatusMessage.From(run);
        var channel = Channel(run.Id);
        await channel.Gate.WaitAsync();
        try
        {
            await FlushLockedAsync(run.Id, channel);
            await hub.Clients.Group(RunsHubGroups.Run(run.Id)).SendAsync(RunsHubContract.Status, message);
            foreach (var listener in channel.Listeners)
            {
                Notify(run.Id, () => listener.OnStatus(message));
            }
        }
        finally
        {
            channel.Gate.Release();
        }

        await hub.Clients.Group(RunsHubGroups.RunList).SendAsync(RunsHubContract.Status, message);
        Action<RunStatusMessage>[] runListListeners;
        lock (_runListGate)
        {
            runListListeners = [.. _runListListeners];
        }

        foreach (var listener in runListListeners)
        {
            Notify(run.Id, () => listener(message));
        }

        if (run.Status.IsFinal())
        {
            RemoveIfIdle(run.Id);
        }
    }

    /// <summary>
    /// Adds a hub connection to a run's group and sends it the run's history; live messages follow.
    /// Returns false if the run does not exist.
    /// </summary>
    public async Task<bool> SubscribeConnectionAsync(string runId, string connectionId, CancellationToken cancellationToken)
    {
        var channel = Channel(runId);
        await channel.Gate.WaitAsync(cancellationToken);
        try
        {
            var history = ReadHistory(runId);
            if (history is null)
            {
                return false;
            }

            await hub.Groups.AddToGroupAsync(connectionId, RunsHubGroups.Run(runId), cancellationToken);
            await hub.Clients.Client(connectionId).SendAsync(RunsHubContract.History, history, cancellationToken);
            return true;
        }
        finally
        {
            channel.Gate.Release();
            RemoveIfIdle(runId);
        }
    }

    /// <summary>Subscribes an in-process listener; returns null if the run does not exist.</summary>
    public async Task<RunFeedSubscription?> SubscribeAsync(string runId, IRunFeedListener listener, CancellationToken cancellationToken = default)
    {
        var channel = Channel(runId);
        await channel.Gate.WaitAsync(cancellationToken);
        try
        {
            var history = ReadHistory(runId);
            if (history is null)
            {
                return null;
            }

            listener.OnHistory(history);
            channel.Listeners = channel.Listeners.Add(listener);
            return new RunFeedSubscription(history, () => Unsubscribe(runId, listener));
        }
        finally
        {
            channel.Gate.Release();
            RemoveIfIdle(runId);
        }
    }

    /// <summary>Subscribes to status changes of every run.</summary>
    public IDisposable SubscribeRunList(Action<RunStatusMessage> listener)
    {
        lock (_runListGate)
        {
            _runListListeners.Add(listener);
        }

        return new Unsubscriber(() =>
        {
            lock (_runListGate)
            {
                _runListListeners.Remove(listener);
            }
        });
    }

    private RunHistoryMessage? ReadHistory(string runId)
    {
        var run = runs.Find(runId);
        return run is null ? null : new RunHistoryMessage(RunStatusMessage.From(run), metrics.Read(runId));
    }

    private async Task FlushLockedAsync(string runId, RunChannel channel)
    {
        List<MetricBatch> pending;
        lock (channel.PendingGate)
        {
            if (channel.Pending.Count == 0)
            {
                return;
            }

            pending = [.. channel.Pending];
            channel.Pending.Clear();
        }

        var merged = MetricBatchMerger.MergeByMetric(pending);
        try
        {
            metrics.Append(runId, merged);
        }
        catch
        {
            // Keep the points queued so the next flush stores them; nothing is sent that is not stored.
            lock (channel.PendingGate)
            {
                channel.Pending.InsertRange(0, pending);
            }

            throw;
        }

        var message = new RunMetricsMessage(runId, merged);
        try
        {
            await hub.Clients.Group(RunsHubGroups.Run(runId)).SendAsync(RunsHubContract.Metrics, message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The points are stored; a subscriber that missed them gets them with its next history.
            logger.LogWarning(exception, "Sending metrics of run {RunId} to hub subscribers failed", runId);
        }

        foreach (var listener in channel.Listeners)
        {
            Notify(runId, () => listener.OnMetrics(message));
        }
    }

    private void Notify(string runId, Action notify)
    {
        try
        {
            notify();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "A listener of run {RunId} threw; ignoring it", runId);
        }
    }

    private void Unsubscribe(string runId, IRunFeedListener listener)
    {
        if (_channels.TryGetValue(runId, out var channel))
        {
            channel.Gate.Wait();
            try
            {
                channel.Listeners = channel.Listeners.Remove(listener);
            }
            finally
            {
                channel.Gate.Release();
            }

            RemoveIfIdle(runId);
        }
    }

    private void RemoveIfIdle(string runId)
    {
        // A channel without listeners and queued points contains nothing worth keeping, and a worker report or a
        // subscription recreates it on demand. The gate's current holder keeps its reference, so removing
        // an entry another caller is about to use only costs that caller a fresh channel.
        if (_channels.TryGetValue(runId, out var channel) && channel.Listeners.IsEmpty && !channel.HasPending
            && channel.Gate.CurrentCount == 1 && runs.Find(runId) is not { Status: RunStatus.Running })
        {
            _channels.TryRemove(new KeyValuePair<string, RunChannel>(runId, channel));
        }
    }

    private RunChannel Channel(string runId) => _channels.GetOrAdd(runId, _ => new RunChannel());

    private sealed class RunChannel
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public object PendingGate { get; } = new();

        public List<MetricBatch> Pending { get; } = [];

        public System.Collections.Immutable.ImmutableList<IRunFeedListener> Listeners { get; set; } =
            System.Collections.Immutable.ImmutableList<IRunFeedListener>.Empty;

        public bool HasPending
        {
            get
            {
                lock (PendingGate)
                {
                    return Pending.Count > 0;
                }
            }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
