using System.Diagnostics;
using System.Net.Http.Headers;
using Dashboard.Core.Experiments;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Dashboard.Worker;

/// <summary>
/// The worker's <see cref="IRunContext"/>. Metric, progress and log calls from the training thread only append
/// to in-memory buffers. A background loop sends them to the server every <see cref="FlushInterval"/> in
/// messages below SignalR's 32 KB limit, so reporting never waits on the network. The loop also sends
/// heartbeats while the training thread shows activity. Artifact uploads are the exception: they are
/// synchronous HTTP requests.
/// </summary>
public sealed class WorkerRunContext : IRunContext, IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Time <see cref="StoreReports"/> waits for the server's confirmation.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromMinutes(2);

    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly string _token;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenSource _stopFlushing = new();
    private readonly TimeSpan _heartbeatInterval;
    private readonly TimeSpan _activityWindow;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<MetricPoint>> _pendingMetrics = new(StringComparer.Ordinal);
    private readonly List<string> _metricOrder = [];
    private readonly List<WorkerLogLine> _pendingLogs = [];
    private readonly Queue<Func<Task>> _unsent = new();
    private readonly List<TaskCompletionSource> _storeRequests = [];
    private (double Fraction, string Phase)? _pendingProgress;
    private long _lastActivityTimestamp = Stopwatch.GetTimestamp();
    private long _lastHeartbeatTimestamp;
    private Task? _flushLoop;

    public WorkerRunContext(
        WorkerAssignment assignment,
        HubConnection connection,
        HttpClient http,
        Uri server,
        string token,
        ILogger logger)
    {
        RunId = assignment.RunId;
        Environment = assignment.Environment;
        _connection = connection;
        _http = http;
        _server = server;
        _token = token;
        _logger = logger;
        _heartbeatInterval = TimeSpan.FromSeconds(Math.Max(0.05, assignment.HeartbeatIntervalSeconds));

        // Heartbeats stop once the training thread has been silent for six intervals. The server then stops
        // the worker after Compute:HeartbeatTimeoutSeconds, so a stuck training loop counts as a hang too.
        _activityWindow = _heartbeatInterval * 6;
    }

    public string RunId { get; }

    public RunEnvironment Environment { get; }

    public CancellationToken CancellationToken
    {
        get
        {
            MarkActivity();
            return _cancellation.Token;
        }
    }

    /// <summary>Requests cancellation; the experiment stops at its next check between batches.</summary>
    public void RequestCancellation() => _cancellation.Cancel();

    public bool CancellationRequested => _cancellation.IsCancellationRequested;

    public void Start() => _flushLoop = Task.Run(FlushLoopAsync);

    public void ReportMetric(string metric, long step, double epoch, double value)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (!_pendingMetrics.TryGetValue(metric, out var points))
            {
                if (!MetricNames.IsValid(metric))
                {
                    throw new ArgumentException($"Metric name '{metric}' is invalid: {MetricNames.Rule}.", nameof(metric));
                }

                points = [];
                _pendingMetrics[metric] = points;
                _metricOrder.Add(metric);
            }

            points.Add(new MetricPoint(step, epoch, value, now));
        }

        MarkActivity();
    }

    public void ReportProgress(double fraction, string phase)
    {
        lock (_gate)
        {
            _pendingProgress = (Math.Clamp(fraction, 0, 1), phase);
        }

        MarkActivity();
    }

    public void Log(string message)
    {
        _logger.LogInformation("{Message}", message);
        lock (_gate)
        {
            _pendingLogs.Add(new WorkerLogLine(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), message));
        }

        MarkActivity();
    }

    /// <summary>
    /// Blocks the training thread until the flush loop has sent everything reported so far and the server has
    /// confirmed storing it.
    /// </summary>
    /// <exception cref="RunFailedException">The server did not confirm within <see cref="StoreTimeout"/>.</exception>
    public void StoreReports()
    {
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _storeRequests.Add(request);
        }

        MarkActivity();
        if (!request.Task.Wait(StoreTimeout))
        {
            throw new RunFailedException(
                $"The server did not confirm storing the run's metrics within {StoreTimeout.TotalSeconds:F0} s, so no checkpoint was saved.");
        }

        MarkActivity();
    }

    public void SaveArtifact(string name, string contentType, byte[] content)
    {
        MarkActivity();
        var uri = new Uri(_server, $"api/worker/runs/{Uri.EscapeDataString(RunId)}/artifacts/{Uri.EscapeDataString(name)}");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(RunsHubContract.WorkerTokenHeader, _token);

        // Called from the training thread, which may block; HttpClient.Send keeps the upload synchronous.
        using var response = _http.Send(request, CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            using var reader = new StreamReader(response.Content.ReadAsStream());
            throw new InvalidOperationException(
                $"Uploading artifact '{name}' failed with HTTP {(int)response.StatusCode}: {reader.ReadToEnd()}");
        }

        MarkActivity();
    }

    /// <summary>Stops the background loop and sends everything still buffered.</summary>
    public async Task FlushAndStopAsync()
    {
        await _stopFlushing.CancelAsync();
        if (_flushLoop is not null)
        {
            await _flushLoop;
        }

        await SendPendingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopFlushing.CancelAsync();
        if (_flushLoop is not null)
        {
            try
            {
                await _flushLoop;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _logger.LogDebug(exception, "Flush loop ended with an error during disposal");
            }
        }

        _cancellation.Dispose();
        _stopFlushing.Dispose();
    }

    private void MarkActivity() => Interlocked.Exchange(ref _lastActivityTimestamp, Stopwatch.GetTimestamp());

    private async Task FlushLoopAsync()
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopFlushing.Token))
            {
                try
                {
                    await SendPendingAsync();
                    await SendHeartbeatIfDueAsync();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The connection may be reconnecting; unsent messages stay queued for the next tick.
                    _logger.LogWarning(exception, "Sending reports to the server failed; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (_stopFlushing.IsCancellationRequested)
        {
        }
    }

    private async Task SendHeartbeatIfDueAsync()
    {
        long now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastHeartbeatTimestamp, now) < _heartbeatInterval)
        {
            return;
        }

        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivityTimestamp), now) > _activityWindow)
        {
            _logger.LogWarning("The training thread has shown no activity for {Seconds:F0} s; withholding heartbeats",
                _activityWindow.TotalSeconds);
            return;
        }

        _lastHeartbeatTimestamp = now;
        await _connection.InvokeAsync(RunsHubContract.Heartbeat);
    }

    private async Task SendPendingAsync()
    {
        lock (_gate)
        {
            foreach (var message in SplitForMessages(TakeMetricBatches()))
            {
                _unsent.Enqueue(() => _connection.InvokeAsync(RunsHubContract.ReportMetrics, message));
            }

            foreach (var chunk in _pendingLogs.Chunk(50))
            {
                _unsent.Enqueue(() => _connection.InvokeAsync(RunsHubContract.ReportLog, chunk));
            }

            _pendingLogs.Clear();
            if (_pendingProgress is { } update)
            {
                _unsent.Enqueue(() => _connection.InvokeAsync(RunsHubContract.ReportProgress, update.Fraction, update.Phase));
                _pendingProgress = null;
            }

            // Queued after the metrics taken under the same lock, so the confirmation covers every point
            // reported before the request.
            foreach (var request in _storeRequests)
            {
                _unsent.Enqueue(async () =>
                {
                    await _connection.InvokeAsync(RunsHubContract.StoreReports);
                    request.TrySetResult();
                });
            }

            _storeRequests.Clear();
        }

        // Only this loop (or the final flush after it stopped) dequeues, so messages keep their order.
        while (_unsent.TryPeek(out var send))
        {
            await send();
            _unsent.Dequeue();
        }
    }

    private List<MetricBatch> TakeMetricBatches()
    {
        var batches = new List<MetricBatch>();
        foreach (string metric in _metricOrder)
        {
            var points = _pendingMetrics[metric];
            if (points.Count == 0)
            {
                continue;
            }

            batches.Add(MetricBatch.FromPoints(metric, points));
            points.Clear();
        }

        return batches;
    }

    /// <summary>Splits batches into messages of at most <see cref="RunsHubContract.MaxPointsPerMessage"/> points.</summary>
    internal static IEnumerable<MetricBatch[]> SplitForMessages(IReadOnlyList<MetricBatch> batches)
    {
        var message = new List<MetricBatch>();
        int pointsInMessage = 0;
        foreach (var batch in batches)
        {
            int offset = 0;
            while (offset < batch.Count)
            {
                int room = RunsHubContract.MaxPointsPerMessage - pointsInMessage;
                int take = Math.Min(room, batch.Count - offset);
                message.Add(Slice(batch, offset, take));
                pointsInMessage += take;
                offset += take;

                if (pointsInMessage == RunsHubContract.MaxPointsPerMessage)
                {
                    yield return [.. message];
                    message.Clear();
                    pointsInMessage = 0;
                }
            }
        }

        if (message.Count > 0)
        {
            yield return [.. message];
        }
    }

    private static MetricBatch Slice(MetricBatch batch, int offset, int count) =>
        offset == 0 && count == batch.Count
            ? batch
            : new MetricBatch
            {
                Metric = batch.Metric,
                Steps = batch.Steps[offset..(offset + count)],
                Epochs = batch.Epochs[offset..(offset + count)],
                Values = batch.Values[offset..(offset + count)],
                Timestamps = batch.Timestamps[offset..(offset + count)],
            };
}
