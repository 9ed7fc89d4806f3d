using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>
/// Kills a real server process and its worker with SIGKILL in the middle of a run, starts a new server on the same
/// database and resumes the run from its checkpoint.
/// </summary>
public sealed class ResumeAfterKillTests : IDisposable
{
    private const int Epochs = 6;

    /// <summary>2,000 Fashion-MNIST images in batches of 32 (63 steps per epoch), 6 epochs, width 8.</summary>
    private const string SixEpochs = """
        {"trainingSubsetSize":2000,"epochs":6,"batchSize":32,"modelWidth":8,
         "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}
        """;

    private const int StepsPerEpoch = 63;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dashboard-resume-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task KilledRunResumesWithEveryEpochOnce()
    {
        string runId;
        MetricBatch[] beforeKill;
        var settings = new Dictionary<string, string> { ["Compute:TorchThreads"] = "1" };

        using (var first = await ServerProcess.StartAsync(_dataDirectory, settings))
        {
            runId = await LaunchAsync(first);
            await WaitForEpochsAsync(first, runId, minimum: 2);
            var workers = first.ChildProcessIds();
            beforeKill = await ReadMetricsAsync(first, runId);

            first.KillHard();
            foreach (int worker in workers)
            {
                if (Processes.IsAlive(worker))
                {
                    Processes.Signal(worker, "KILL");
                }

                await Processes.WaitUntilGoneAsync(worker, TimeSpan.FromSeconds(30));
            }
        }

        using var second = await ServerProcess.StartAsync(_dataDirectory, settings);
        var interrupted = await second.GetRunAsync(runId);
        Assert.Equal(RunStatus.Interrupted, interrupted.Status);

        var afterRestart = await ReadMetricsAsync(second, runId);
        foreach (var batch in beforeKill)
        {
            var stored = afterRestart.Single(b => b.Metric == batch.Metric);
            Assert.Equal(batch.Steps, stored.Steps.Take(batch.Count));
            Assert.Equal(batch.Values, stored.Values.Take(batch.Count));
        }

        var checkpoint = new CheckpointFolder(Path.Combine(_dataDirectory, "artifacts", runId, "checkpoints"), kept: 1).Latest();
        Assert.NotNull(checkpoint);
        Assert.InRange(checkpoint.Info.Epoch, 2, Epochs);

        using (var client = second.CreateClient())
        {
            using var response = await client.PostAsync($"/api/v1/runs/{runId}/resume", content: null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var completed = await WaitForRunAsync(second, runId, run => run.Status.IsFinal(), TimeSpan.FromMinutes(5));
        Assert.True(completed.Status == RunStatus.Completed, $"The resumed run ended {completed.Status}: {completed.Error}\n{second.Output()}");

        var final = await ReadMetricsAsync(second, runId);
        var accuracy = final.Single(b => b.Metric == "test/clean_accuracy");
        Assert.Equal(Enumerable.Range(1, Epochs).Select(epoch => (double)epoch), accuracy.Epochs);
        Assert.InRange(accuracy.Values[^1], 0.5, 1.0);

        var loss = final.Single(b => b.Metric == "train/loss");
        Assert.Equal(Enumerable.Range(1, Epochs * StepsPerEpoch).Select(step => (long)step), loss.Steps);
    }

    [Fact]
    public async Task ResumeOfUnknownRunNotFound()
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory);
        using var client = server.CreateClient();

        using var unknown = await client.PostAsync("/api/v1/runs/no-such-run/resume", content: null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<string> LaunchAsync(ServerProcess server)
    {
        using var client = server.CreateClient();
        string body = $$"""{"kind":"backdoor","name":"resume after kill","configuration":{{SixEpochs}}}""";
        using var response = await client.PostAsync("/api/v1/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"Launch failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!.Id;
    }

    private static async Task WaitForEpochsAsync(ServerProcess server, string runId, int minimum)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var metrics = await ReadMetricsAsync(server, runId);
            int epochs = metrics.SingleOrDefault(b => b.Metric == "test/clean_accuracy")?.Count ?? 0;
            if (epochs >= minimum)
            {
                Assert.True(epochs < Epochs, $"The run stored all {epochs} epochs before it could be killed; slow it down.");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} stored {epochs} epochs within 3 minutes.\n{server.Output()}");
            await Task.Delay(100);
        }
    }

    private static async Task<RunDto> WaitForRunAsync(ServerProcess server, string runId, Func<RunDto, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await server.GetRunAsync(runId);
            if (condition(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} is still {run.Status} ({run.Phase}) after {timeout.TotalSeconds:F0} s.\n{server.Output()}");
            await Task.Delay(200);
        }
    }

    private static async Task<MetricBatch[]> ReadMetricsAsync(ServerProcess server, string runId)
    {
        using var client = server.CreateClient();
        var page = await client.GetFromJsonAsync<MetricHistoryPage>($"/api/v1/runs/{runId}/metrics?take={MetricHistoryPage.MaxTake}", ApiJson.Options);
        Assert.Null(page!.NextAfterStep);
        return [.. page.Items];
    }
}
