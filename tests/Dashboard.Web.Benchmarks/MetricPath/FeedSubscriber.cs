using System.Diagnostics;
using Dashboard.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Benchmarks.MetricPath;

/// <summary>
/// A browser-like client of the runs hub: it connects to <c>/hubs/runs</c>, calls <c>Subscribe(runId)</c> and
/// receives <c>RunHistory</c> then <c>RunMetrics</c> messages, as any SignalR client of a run's feed does.
/// Points of <see cref="LoadGenerator.Metric"/> carry their report time (a <see cref="Stopwatch"/> timestamp of
/// this process) as their value, so each received point gives one latency sample.
/// </summary>
public sealed class FeedSubscriber : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly LatencyRecorder _recorder;

    private FeedSubscriber(HubConnection connection, LatencyRecorder recorder)
    {
        _connection = connection;
        _recorder = recorder;
        _connection.On<RunHistoryMessage>(RunsHubContract.History, _ => { });
        _connection.On<RunStatusMessage>(RunsHubContract.Status, _ => { });
        _connection.On<RunMetricsMessage>(RunsHubContract.Metrics, OnMetrics);
    }

    public static async Task<FeedSubscriber> ConnectAsync(Uri server, LatencyRecorder recorder)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, RunsHubContract.Path.TrimStart('/')))
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
        var subscriber = new FeedSubscriber(connection, recorder);
        await connection.StartAsync();
        return subscriber;
    }

    public async Task SubscribeAsync(string runId)
    {
        if (!await _connection.InvokeAsync<bool>(RunsHubContract.Subscribe, runId))
        {
            throw new InvalidOperationException($"Subscribing to run {runId} failed: the server did not find the run.");
        }
    }

    public Task UnsubscribeAsync(string runId) => _connection.InvokeAsync(RunsHubContract.Unsubscribe, runId);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnMetrics(RunMetricsMessage message)
    {
        long now = Stopwatch.GetTimestamp();
        foreach (var batch in message.Batches)
        {
            _recorder.Receive(batch, now);
        }
    }
}
