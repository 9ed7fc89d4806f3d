using Dashboard.Core.Protocol;
using Dashboard.Core.Runs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Dashboard.Worker;

/// <summary>
/// Sends a run's final message after flushing every buffered report, so that the server has all metric
/// points before it marks the run finished.
/// </summary>
internal sealed class WorkerOutcomeReporter(HubConnection connection, WorkerRunContext context, ILogger logger)
{
    private volatile bool _finished;

    public bool Finished => _finished;

    public int Complete(RunSummary summary) => Report(RunsHubContract.CompleteRun, summary, WorkerProgram.ExitReported);

    public int Fail(string message) => Report(RunsHubContract.FailRun, message, WorkerProgram.ExitRunFailed);

    public int ConfirmCancelled() => Report(RunsHubContract.ConfirmCancelled, null, WorkerProgram.ExitReported);

    private int Report(string method, object? argument, int exitCode)
    {
        try
        {
            context.FlushAndStopAsync().GetAwaiter().GetResult();
            _finished = true;
            var send = argument is null ? connection.InvokeAsync(method) : connection.InvokeAsync(method, argument);
            send.GetAwaiter().GetResult();
            return exitCode;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Could not report the outcome of run {RunId} to the server", context.RunId);
            return WorkerProgram.ExitConnectionLost;
        }
    }
}
