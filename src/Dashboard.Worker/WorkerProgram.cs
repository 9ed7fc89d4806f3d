using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Protocol;
using Dashboard.Training.Extensions;
using Dashboard.Training.Torch;
using TorchSharp;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Worker;

/// <summary>
/// Entry point of a worker process, which trains exactly one run. It attaches to the server's runs hub
/// with its run token, receives the run's kind and configuration, trains synchronously on the calling
/// (main) thread and reports metrics, logs, artifacts and the outcome back. The server remains the only
/// process that opens the database.
/// </summary>
public static class WorkerProgram
{
    /// <summary>Exit code after the run completed or was cancelled and the worker reported it.</summary>
    public const int ExitReported = 0;

    /// <summary>Exit code after the run failed and the worker reported the error.</summary>
    public const int ExitRunFailed = 1;

    /// <summary>Exit code when the arguments are wrong or the server refused the worker.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code when the connection to the server was lost for good.</summary>
    public const int ExitConnectionLost = 3;

    public static int Run(string[] args)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            })
            .AddFilter("Microsoft.AspNetCore.SignalR", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggerFactory.CreateLogger("Dashboard.Worker");

        WorkerCommandLine commandLine;
        try
        {
            commandLine = WorkerCommandLine.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return ExitUsage;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(commandLine.Server, RunsHubContract.Path.TrimStart('/')))
            .AddJsonProtocol(options => RunsHubContract.ConfigureJson(options.PayloadSerializerOptions))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
            .Build();

        try
        {
            return RunAttached(commandLine, connection, http, logger);
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int RunAttached(
        WorkerCommandLine commandLine,
        HubConnection connection,
        HttpClient http,
        ILogger logger)
    {
        WorkerAssignment assignment;
        try
        {
            connection.StartAsync().GetAwaiter().GetResult();
            assignment = Attach(connection, commandLine);
        }
        catch (Exception exception) when (exception is HubException or HttpRequestException or InvalidOperationException)
        {
            logger.LogError("Worker for run {RunId} could not attach to {Server}: {Message}",
                commandLine.RunId, commandLine.Server, exception.Message);
            return ExitUsage;
        }

        var catalog = new ServiceCollection().AddTraining().BuildServiceProvider().GetRequiredService<ExperimentCatalog>();
        var kind = catalog.Find(assignment.Kind);
        var context = new WorkerRunContext(assignment, connection, http, commandLine.Server, commandLine.Token, logger);
        var outcome = new WorkerOutcomeReporter(connection, context, logger);

        connection.On(RunsHubContract.CancelRun, () =>
        {
            logger.LogInformation("Cancellation requested for run {RunId}", assignment.RunId);
            context.RequestCancellation();
        });
        connection.Reconnected += _ =>
        {
            logger.LogWarning("Reconnected to the server; attaching run {RunId} again", assignment.RunId);
            return connection.InvokeAsync<WorkerAssignment>(RunsHubContract.AttachWorker, commandLine.RunId, commandLine.Token);
        };
        connection.Closed += exception =>
        {
            if (!outcome.Finished)
            {
                // Without the server no process can receive this run's results, so the worker stops at once.
                logger.LogError(exception, "Lost the connection to the server for run {RunId}; stopping the worker", assignment.RunId);
                Environment.Exit(ExitConnectionLost);
            }

            return Task.CompletedTask;
        };

        context.Start();
        try
        {
            if (kind is null)
            {
                return outcome.Fail($"This worker build does not know the experiment kind '{assignment.Kind}'.");
            }

            var configuration = ConfigurationJson.Deserialize(kind.ConfigurationType, assignment.ConfigurationJson, out var errors)
                ?? throw new RunFailedException($"The stored configuration is invalid: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}");

            ReportDevice(connection, context, assignment.Environment);
            logger.LogInformation("Run {RunId} ({Kind}) starting", assignment.RunId, kind.Id);
            var summary = kind.Run(configuration, context);
            logger.LogInformation("Run {RunId} completed", assignment.RunId);
            return outcome.Complete(summary);
        }
        catch (OperationCanceledException) when (context.CancellationRequested)
        {
            logger.LogInformation("Run {RunId} stopped after cancellation", assignment.RunId);
            return outcome.ConfirmCancelled();
        }
        catch (RunFailedException exception)
        {
            logger.LogError("Run {RunId} failed: {Message}", assignment.RunId, exception.Message);
            return outcome.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Run {RunId} failed with an unexpected error", assignment.RunId);
            context.Log(exception.ToString());
            return outcome.Fail($"{exception.GetType().Name}: {exception.Message} (the run log has the stack trace)");
        }
        finally
        {
            context.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Selects the device the way experiments do (probing CUDA before any other tensor work), sets the
    /// thread count, and reports the device to the server for the run page.
    /// </summary>
    private static void ReportDevice(HubConnection connection, WorkerRunContext context, RunEnvironment environment)
    {
        TorchDevices.SetThreads(environment.TorchThreads);
        var device = TorchDevices.Select(environment.Device);
        string description = device.ToString();
        context.Log($"Device {description} (setting '{environment.Device}'), {torch.get_num_threads()} libtorch threads");
        connection.InvokeAsync(RunsHubContract.ReportDevice, description).GetAwaiter().GetResult();
    }

    private static WorkerAssignment Attach(HubConnection connection, WorkerCommandLine commandLine) =>
        connection.InvokeAsync<WorkerAssignment>(RunsHubContract.AttachWorker, commandLine.RunId, commandLine.Token)
            .GetAwaiter().GetResult();
}
