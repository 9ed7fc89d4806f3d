using System.Diagnostics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests;

/// <summary>The compute service with real worker processes training on Fashion-MNIST subsets.</summary>
public sealed class ComputeServiceTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task QueuedRunCompletesWithSummaryMetricsAndArtifact()
    {
        using var server = new DashboardServer();
        var run = await server.LaunchAsync(TestConfigurations.Quick);

        var finished = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), RunTimeout, "a final status");

        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.NotNull(finished.Summary?.Find("clean_accuracy"));
        Assert.NotNull(finished.Summary?.Find("asr/patch"));
        Assert.Equal("average_asr", finished.Summary?.HeadlineKey);
        Assert.True(server.CountPoints(run.Id) > 0);
        Assert.Contains(finished.Artifacts, a => a.Name == "poisoned-indices.json");
    }

    [Fact]
    public async Task CancelStopsRunningRun()
    {
        using var server = new DashboardServer();
        var run = await server.LaunchAsync(TestConfigurations.Long);
        await server.WaitForRunAsync(run.Id, r => r.Status == RunStatus.Running && server.CountPoints(r.Id) > 0, RunTimeout, "running with points");
        int processId = server.Service<RunCoordinator>().FindActive(run.Id)!.Process!.Id;

        using var client = server.CreateClient();
        using var response = await client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null);
        var cancelled = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromSeconds(30), "a final status");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        await Processes.WaitUntilGoneAsync(processId, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CancelEndsQueuedRunAtOnce()
    {
        // The first run occupies the only worker slot, so the second stays queued.
        using var server = new DashboardServer();
        var first = await server.LaunchAsync(TestConfigurations.Long);
        var second = await server.LaunchAsync(TestConfigurations.Quick);

        var result = await server.Service<RunCoordinator>().CancelAsync(second.Id);
        var cancelled = await server.GetRunAsync(second.Id);
        await server.Service<RunCoordinator>().CancelAsync(first.Id);

        Assert.Equal(CancelResult.Cancelled, result);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.StartedAt);
    }

    [Fact]
    public async Task RunningRunBecomesInterruptedAfterRestart()
    {
        string dataDirectory = Directory.CreateTempSubdirectory("dashboard-restart-").FullName;
        string runId = RunIds.Create();
        using var orphan = StartImitationWorker(runId);
        WriteRunningRun(dataDirectory, runId, orphan.Id);

        try
        {
            using var server = new DashboardServer(dataDirectory: dataDirectory);
            var run = await server.GetRunAsync(runId);

            Assert.Equal(RunStatus.Interrupted, run.Status);
            Assert.Contains("server stopped", run.Error);
            await Processes.WaitUntilGoneAsync(orphan.Id, TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task RunThatThrowsEndsFailedWithItsMessage()
    {
        // The files exist, so the launch passes the availability check, but they are not IDX files: the
        // worker's loader throws, and the run must end Failed with the loader's message.
        string corruptDataset = Directory.CreateTempSubdirectory("dashboard-corrupt-dataset-").FullName;
        try
        {
            foreach (string name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            {
                File.WriteAllText(Path.Combine(corruptDataset, name + ".gz"), "not an IDX file");
            }

            using var server = new DashboardServer(new Dictionary<string, string?> { ["Datasets:fashion-mnist"] = corruptDataset });
            var run = await server.LaunchAsync(TestConfigurations.Quick);

            var failed = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), RunTimeout, "a final status");

            Assert.Equal(RunStatus.Failed, failed.Status);
            Assert.Contains("Failed to read Fashion-MNIST", failed.Error);
            Assert.Contains(corruptDataset, failed.Error);
        }
        finally
        {
            Directory.Delete(corruptDataset, recursive: true);
        }
    }

    [Fact]
    public async Task MissingDatasetRejectedAtLaunch()
    {
        string emptyDataset = Directory.CreateTempSubdirectory("dashboard-no-dataset-").FullName;
        try
        {
            using var server = new DashboardServer(new Dictionary<string, string?> { ["Datasets:fashion-mnist"] = emptyDataset });
            using var client = server.CreateClient();
            string body = $$"""{"kind":"backdoor","configuration":{{TestConfigurations.Quick}}}""";

            using var response = await client.PostAsync("/api/v1/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            string text = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("configuration.dataset", text);
            Assert.Contains(emptyDataset, text);
            Assert.Equal(0, server.Service<IRunStore>().Query(new RunQuery()).Total);
        }
        finally
        {
            Directory.Delete(emptyDataset, recursive: true);
        }
    }

    [Fact]
    public async Task KilledWorkerFailsOnlyItsRun()
    {
        using var server = new DashboardServer();
        var run = await server.LaunchAsync(TestConfigurations.Long);
        await server.WaitForRunAsync(run.Id, r => r.Status == RunStatus.Running && server.CountPoints(r.Id) > 0, RunTimeout, "running with points");
        int processId = server.Service<RunCoordinator>().FindActive(run.Id)!.Process!.Id;

        Processes.Signal(processId, "KILL");
        var failed = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromSeconds(30), "a final status");
        using var client = server.CreateClient();
        using var health = await client.GetAsync("/healthz");
        var next = await server.LaunchAsync(TestConfigurations.Quick);
        var nextFinished = await server.WaitForRunAsync(next.Id, r => r.Status.IsFinal(), RunTimeout, "a final status");

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("SIGKILL", failed.Error);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(RunStatus.Completed, nextFinished.Status);
    }

    [Fact]
    public async Task KilledWorkerRunResumesFromCheckpoint()
    {
        const int epochs = 4;
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:TorchThreads"] = "1" });
        var run = await server.LaunchAsync("""
            {"trainingSubsetSize":2000,"epochs":4,"batchSize":32,"modelWidth":8,
             "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}
            """);
        var coordinator = server.Service<RunCoordinator>();
        await server.WaitForRunAsync(run.Id, _ => coordinator.CheckpointsOf(run.Id).Latest() is not null, RunTimeout, "a first checkpoint");
        int processId = coordinator.FindActive(run.Id)!.Process!.Id;

        Processes.Signal(processId, "KILL");
        var failed = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromSeconds(30), "a final status");
        using var client = server.CreateClient();
        using var resume = await client.PostAsync($"/api/v1/runs/{run.Id}/resume", content: null);
        var finished = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), RunTimeout, "a final status after resuming");
        var accuracy = server.Service<IMetricStore>().Read(run.Id, "test/clean_accuracy")!;

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, resume.StatusCode);
        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.Equal(Enumerable.Range(1, epochs).Select(e => (double)e), accuracy.Epochs);
    }

    [Fact]
    public async Task FailedRunWithoutCheckpointCannotResume()
    {
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:WorkerExecutable"] = "/nonexistent/worker" });
        var run = await server.LaunchAsync(TestConfigurations.Quick);
        await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), RunTimeout, "a final status");
        using var client = server.CreateClient();

        using var resume = await client.PostAsync($"/api/v1/runs/{run.Id}/resume", content: null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Contains("Failed runs with a checkpoint", await resume.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HungWorkerFailsAfterHeartbeatTimeout()
    {
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:HeartbeatTimeoutSeconds"] = "3" });
        var run = await server.LaunchAsync(TestConfigurations.Long);
        await server.WaitForRunAsync(run.Id, r => r.Status == RunStatus.Running && server.CountPoints(r.Id) > 0, RunTimeout, "running with points");
        int processId = server.Service<RunCoordinator>().FindActive(run.Id)!.Process!.Id;

        Processes.Signal(processId, "STOP");
        var failed = await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromSeconds(30), "a final status");

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("no heartbeat", failed.Error);
        await Processes.WaitUntilGoneAsync(processId, TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts a process whose command line looks like a worker of <paramref name="runId"/>.</summary>
    private static Process StartImitationWorker(string runId)
    {
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (string argument in new[] { "-c", "sleep 120; true", "worker", "--run", runId })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo)!;
    }

    private static void WriteRunningRun(string dataDirectory, string runId, int workerProcessId)
    {
        var options = new StorageOptions
        {
            DatabasePath = Path.Combine(dataDirectory, "dashboard.db"),
            ArtifactsPath = Path.Combine(dataDirectory, "artifacts"),
        };
        using var storage = new LiteDbStorage(options, NullLogger<LiteDbStorage>.Instance);
        var runs = new LiteDbRunStore(storage);
        runs.Insert(new RunRecord
        {
            Id = runId,
            Name = "left running",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Running,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-4),
            WorkerProcessId = workerProcessId,
        });
    }
}
