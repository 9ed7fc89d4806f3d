using System.Net;
using System.Text;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

public sealed class StartupAndQueueTests
{
    [Fact]
    public async Task LaunchBeyondQueueLimitIsRejected()
    {
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:MaxQueuedRuns"] = "1" });
        var running = await server.LaunchAsync(TestConfigurations.Long);
        await server.WaitForRunAsync(running.Id, r => r.Status == RunStatus.Running, TimeSpan.FromMinutes(2), "running");
        var queued = await server.LaunchAsync(TestConfigurations.Quick);

        using var client = server.CreateClient();
        string body = $$"""{"kind":"backdoor","configuration":{{TestConfigurations.Quick}}}""";
        using var response = await client.PostAsync("/api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        int total = server.Service<IRunStore>().Query(new RunQuery()).Total;
        await server.Service<RunCoordinator>().CancelAsync(running.Id);

        Assert.Equal(RunStatus.Queued, queued.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("queue is full", text);
        Assert.Contains("Compute:MaxQueuedRuns", text);
        Assert.Equal(2, total);
    }

    [Fact]
    public void UnwritableDatabasePathStopsStartupNamingThePath()
    {
        string directory = Directory.CreateTempSubdirectory("dashboard-bad-db-").FullName;
        string blocker = Path.Combine(directory, "not-a-folder");
        File.WriteAllText(blocker, "a regular file where a folder is expected");
        string databasePath = Path.Combine(blocker, "dashboard.db");

        try
        {
            using var server = new DashboardServer(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath });

            var error = Assert.ThrowsAny<Exception>(() => server.StartServer());

            Assert.Contains(databasePath, error.ToString());
            Assert.Contains("Storage:DatabasePath", error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task HealthEndpointReportsDatabaseAndCompute()
    {
        using var server = new DashboardServer();
        using var client = server.CreateClient();

        string body = await client.GetStringAsync("/healthz");

        Assert.Equal("""{"status":"ready","database":"ready","compute":"ready"}""", body);
    }

    [Fact]
    public async Task RestartKeepsRunsAndMetrics()
    {
        string dataDirectory = Directory.CreateTempSubdirectory("dashboard-keep-").FullName;
        try
        {
            string runId;
            long points;
            using (var first = new DashboardServer(dataDirectory: dataDirectory))
            {
                var run = await first.LaunchAsync(TestConfigurations.Quick);
                await first.WaitForRunAsync(run.Id, r => r.Status.IsFinal(), TimeSpan.FromMinutes(3), "a final status");
                runId = run.Id;
                points = first.CountPoints(run.Id);
            }

            using var second = new DashboardServer(dataDirectory: dataDirectory);
            var reopened = await second.GetRunAsync(runId);

            Assert.Equal(RunStatus.Completed, reopened.Status);
            Assert.NotNull(reopened.Summary);
            Assert.True(points > 0);
            Assert.Equal(points, second.CountPoints(runId));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
