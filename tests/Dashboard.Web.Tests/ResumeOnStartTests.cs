using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

public sealed class ResumeOnStartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dashboard-resume-on-start-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task InterruptedRunResumedAtStartWhenEnabled()
    {
        string runId = await StoreInterruptedRunAsync();

        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:ResumeInterruptedOnStart"] = "true" }, _dataDirectory);
        var run = await server.WaitForRunAsync(runId, r => r.Status.IsFinal(), TimeSpan.FromMinutes(3), "a final status");

        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task InterruptedRunStaysWhenDisabled()
    {
        string runId = await StoreInterruptedRunAsync();

        using var server = new DashboardServer(dataDirectory: _dataDirectory);
        server.StartServer();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(RunStatus.Interrupted, (await server.GetRunAsync(runId)).Status);
    }

    [Fact]
    public async Task RunWithoutCheckpointRestartsWithPointsCleared()
    {
        string runId = await StoreInterruptedRunAsync();

        using var server = new DashboardServer(dataDirectory: _dataDirectory);
        var result = await server.Service<RunCoordinator>().ResumeAsync(runId);
        await server.WaitForRunAsync(runId, r => r.Status.IsFinal(), TimeSpan.FromMinutes(3), "a final status");

        var loss = server.Service<IMetricStore>().Read(runId, "train/loss")!;
        var log = server.Service<IRunLogStore>().ReadTail(runId, 1000).Select(line => line.Message).ToList();
        Assert.Equal(ResumeResult.Queued, result);
        Assert.Equal(Enumerable.Range(1, loss.Count).Select(step => (long)step), loss.Steps);
        Assert.DoesNotContain(loss.Values, value => value == StaleValue);
        Assert.Contains(log, line => line.StartsWith("Restarting from the beginning: no checkpoint was saved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResumeOfCompletedRunRejected()
    {
        using var server = new DashboardServer(dataDirectory: _dataDirectory);
        var run = await server.LaunchAsync(TestConfigurations.Quick);
        await server.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromMinutes(3), "a final status");

        using var client = server.CreateClient();
        using var response = await client.PostAsync($"/api/v1/runs/{run.Id}/resume", content: null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
    }

    private const double StaleValue = -1;

    /// <summary>Stores an Interrupted run of the quick configuration with three stale loss points and no checkpoint.</summary>
    private Task<string> StoreInterruptedRunAsync()
    {
        using var server = new DashboardServer(dataDirectory: _dataDirectory);
        var run = InterruptedRun();
        server.Service<IRunStore>().Insert(run);
        var stale = Enumerable.Range(1, 3).Select(step => new MetricPoint(step, step / 10.0, StaleValue, 0)).ToList();
        server.Service<IMetricStore>().Append(run.Id, [MetricBatch.FromPoints("train/loss", stale)]);
        return Task.FromResult(run.Id);
    }

    /// <summary>Returns an Interrupted run of <see cref="TestConfigurations.Quick"/> as the server stores it after a restart.</summary>
    public static RunRecord InterruptedRun() => new()
    {
        Id = RunIds.Create(),
        Name = "interrupted run",
        Kind = "backdoor",
        ConfigurationJson = TestConfigurations.Quick,
        Status = RunStatus.Interrupted,
        CreatedAt = DateTimeOffset.UtcNow,
        Error = "The server stopped while this run was running; its worker was stopped.",
    };
}
