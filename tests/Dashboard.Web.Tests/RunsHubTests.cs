using System.Collections.Concurrent;
using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests;

public sealed class RunsHubTests
{
    [Fact]
    public async Task MidRunSubscriberGetsEveryPointOnce()
    {
        using var server = new DashboardServer();
        var run = await server.LaunchAsync(TestConfigurations.TwoEpochs);
        await server.WaitForRunAsync(run.Id, r => server.CountPoints(r.Id) > 20, TimeSpan.FromMinutes(3), "20 stored points");

        var events = new ConcurrentQueue<object>();
        var finished = new TaskCompletionSource<RunStatusMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, RunsHubContract.Path.TrimStart('/')))
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
        connection.On<RunHistoryMessage>(RunsHubContract.History, history => events.Enqueue(history));
        connection.On<RunMetricsMessage>(RunsHubContract.Metrics, metrics => events.Enqueue(metrics));
        connection.On<RunStatusMessage>(RunsHubContract.Status, status =>
        {
            events.Enqueue(status);
            if (status.Status.IsFinal())
            {
                finished.TrySetResult(status);
            }
        });

        await connection.StartAsync();
        bool subscribed = await connection.InvokeAsync<bool>(RunsHubContract.Subscribe, run.Id);
        var final = await finished.Task.WaitAsync(TimeSpan.FromMinutes(3));

        var history = Assert.IsType<RunHistoryMessage>(events.First());
        long[] received = [.. LossSteps(events)];
        long[] stored = server.Service<IMetricStore>().Read(run.Id, "train/loss")!.Steps;

        Assert.True(subscribed);
        Assert.Equal(RunStatus.Completed, final.Status);
        Assert.NotEmpty(history.Metrics);
        Assert.True(events.OfType<RunMetricsMessage>().Any(), "No live metric message arrived after the history.");
        Assert.Equal(stored, received);
        Assert.Equal(received.Length, received.Distinct().Count());
    }

    [Fact]
    public async Task SubscribeReturnsFalseForUnknownRun()
    {
        using var server = new DashboardServer();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, RunsHubContract.Path.TrimStart('/')))
            .Build();
        await connection.StartAsync();

        bool subscribed = await connection.InvokeAsync<bool>(RunsHubContract.Subscribe, RunIds.Create());

        Assert.False(subscribed);
    }

    [Fact]
    public async Task WorkerReportWithoutAttachIsRejected()
    {
        using var server = new DashboardServer();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, RunsHubContract.Path.TrimStart('/')))
            .Build();
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync(RunsHubContract.Heartbeat));

        Assert.Contains("AttachWorker", error.Message);
    }

    private static IEnumerable<long> LossSteps(IEnumerable<object> events)
    {
        foreach (var item in events)
        {
            IEnumerable<MetricBatch> batches = item switch
            {
                RunHistoryMessage history => history.Metrics,
                RunMetricsMessage metrics => metrics.Batches,
                _ => [],
            };
            foreach (var batch in batches.Where(b => b.Metric == "train/loss"))
            {
                foreach (long step in batch.Steps)
                {
                    yield return step;
                }
            }
        }
    }
}
