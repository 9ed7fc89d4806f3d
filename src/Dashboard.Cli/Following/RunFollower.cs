using System.Net;
using System.Threading.Channels;
using Dashboard.Cli.Api;
using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Following;

/// <summary>
/// Follows one run over the runs hub: subscribes, receives the stored history, then metrics and status
/// messages until the run reaches a final status. After a dropped connection it reconnects and subscribes again;
/// the history sent again then only fills the gap.
/// </summary>
internal sealed class RunFollower(DashboardClient client, string? accessToken, IFollowView view)
{
    private static readonly TimeSpan[] ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>
    /// Follows <paramref name="runId"/> and returns the exit code: 0 when it ends Completed, 1 when it ends otherwise,
    /// and <see cref="ExitCodes.Interrupted"/> when <paramref name="interrupt"/> fires without
    /// <paramref name="cancelOnInterrupt"/>. With it, the first interrupt cancels the run and following goes on until it stops.
    /// </summary>
    public async Task<int> FollowAsync(string runId, bool cancelOnInterrupt, CancellationToken interrupt)
    {
        var events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        await using var connection = Connect(events.Writer, runId);
        await StartAsync(connection, interrupt);

        if (!await connection.InvokeAsync<bool>(RunsHubContract.Subscribe, runId, interrupt))
        {
            throw new CliException(ExitCodes.NotFound, $"No run has the id '{runId}'. `labdash list` shows the runs.");
        }

        using var registration = interrupt.Register(() => events.Writer.TryWrite(new Interrupt()));
        return await view.ShowAsync(() => ReadEventsAsync(runId, events.Reader, cancelOnInterrupt));
    }

    private HubConnection Connect(ChannelWriter<object> events, string runId)
    {
        var hub = new Uri(client.Server, RunsHubContract.Path.TrimStart('/'));
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .WithAutomaticReconnect(ReconnectDelays)
            .Build();

        connection.On<RunHistoryMessage>(RunsHubContract.History, history => events.TryWrite(history));
        connection.On<RunMetricsMessage>(RunsHubContract.Metrics, metrics => events.TryWrite(metrics));
        connection.On<RunStatusMessage>(RunsHubContract.Status, status => events.TryWrite(status));
        connection.Reconnecting += _ =>
        {
            events.TryWrite(new Notice("Lost the connection to the dashboard. Reconnecting..."));
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            // A new connection belongs to no group, so subscribe again to receive the missed points as history.
            // NOTE: tests cover a server that goes away for good (exit code 3), not a reconnect that succeeds.
            await connection.InvokeAsync<bool>(RunsHubContract.Subscribe, runId);
            events.TryWrite(new Notice("Reconnected."));
        };
        connection.Closed += exception =>
        {
            events.TryWrite(new Closed(exception));
            return Task.CompletedTask;
        };
        return connection;
    }

    private async Task StartAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new CliException(
                ExitCodes.NotAllowed,
                $"The server rejected the live connection with {(int)exception.StatusCode!} {exception.StatusCode}. Pass a valid token with --token or LABDASH_TOKEN.");
        }
        catch (HttpRequestException exception)
        {
            throw client.Unreachable(exception.StatusCode is { } status
                ? $"the runs hub at {RunsHubContract.Path} answered {(int)status} {status}"
                : exception.InnerException?.Message ?? exception.Message);
        }
    }

    private async Task<int> ReadEventsAsync(string runId, ChannelReader<object> events, bool cancelOnInterrupt)
    {
        var state = new FollowState(runId);
        bool started = false;
        bool cancelRequested = false;

        await foreach (var item in events.ReadAllAsync())
        {
            switch (item)
            {
                case RunHistoryMessage history when history.Run.RunId == runId:
                    var previous = state.Run;
                    state.Apply(history.Run);
                    var fromHistory = state.Apply(history.Metrics);
                    if (!started)
                    {
                        started = true;
                        view.Started(state);
                    }
                    else
                    {
                        view.StatusChanged(state, previous);
                        if (fromHistory.Count > 0)
                        {
                            view.MetricsReceived(state, fromHistory);
                        }
                    }

                    break;

                case RunMetricsMessage metrics when metrics.RunId == runId && started:
                    var updated = state.Apply(metrics.Batches);
                    if (updated.Count > 0)
                    {
                        view.MetricsReceived(state, updated);
                    }

                    break;

                case RunStatusMessage status when status.RunId == runId && started:
                    var before = state.Run;
                    state.Apply(status);
                    view.StatusChanged(state, before);
                    break;

                case Notice notice:
                    view.Notice(notice.Text);
                    break;

                case Closed closed:
                    throw client.Unreachable($"the live connection closed ({closed.Exception?.Message ?? "by the server"}) before run {runId} ended");

                case Interrupt when cancelOnInterrupt && !cancelRequested:
                    cancelRequested = true;
                    await RequestCancelAsync(runId);
                    break;

                case Interrupt:
                    view.Notice($"Stopped following run {runId}, which keeps running on the server. Follow it again with: labdash follow {runId}");
                    return ExitCodes.Interrupted;
            }

            if (state.HasEnded)
            {
                view.Ended(state);
                return state.Run!.Status == RunStatus.Completed ? ExitCodes.Success : ExitCodes.RunNotCompleted;
            }
        }

        throw client.Unreachable($"the live connection ended before run {runId} did");
    }

    private async Task RequestCancelAsync(string runId)
    {
        try
        {
            await client.PostAsync<System.Text.Json.Nodes.JsonNode>($"api/v1/runs/{runId}/cancel", null, CancellationToken.None);
            view.Notice($"Cancel requested for run {runId}. Waiting for it to stop, or press Ctrl+C again to quit at once.");
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.InvalidInput)
        {
            // A 409 means the run ended meanwhile, and its final status message follows.
            view.Notice(exception.Message);
        }
    }

    private sealed record Notice(string Text);

    private sealed record Closed(Exception? Exception);

    private sealed record Interrupt;
}
