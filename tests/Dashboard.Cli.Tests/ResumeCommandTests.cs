using System.Diagnostics;
using Dashboard.Cli.Tests.Infrastructure;
using Dashboard.Core.Runs;
using Dashboard.Web.Compute;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Tests;

/// <summary><c>labdash resume</c> on a run whose worker was killed after its first checkpoint.</summary>
public sealed class ResumeCommandTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private const string FourEpochsJson = """
        {"kind":"backdoor","name":"cli resumed run","configuration":
          {"trainingSubsetSize":2000,"epochs":4,"batchSize":32,"modelWidth":8,
           "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}}
        """;

    [Fact]
    public async Task ResumeFollowsKilledRunToCompleted()
    {
        using var server = new CliTestServer(new Dictionary<string, string?> { ["Compute:TorchThreads"] = "1" });
        string file = TestConfigurations.WriteFile(FourEpochsJson, ".json");
        var launch = await CliRunner.RunAsync("launch", file, "--detach", "--server", server.Address);
        string runId = launch.Output.Trim();
        var coordinator = server.Services.GetRequiredService<RunCoordinator>();
        await WaitUntilAsync(() => coordinator.CheckpointsOf(runId).Latest() is not null, "a first checkpoint");

        KillWorker(coordinator.FindActive(runId)!.Process!.Id);
        var failed = await CliRunner.RunAsync("follow", runId, "--server", server.Address);
        var resumed = await CliRunner.RunAsync("resume", runId, "--follow", "--server", server.Address);

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains($"Run {runId} ended Failed", failed.Error);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"Resumed run {runId}", resumed.Output);
        Assert.Contains($"Run {runId} Completed", resumed.Output);
    }

    private static void KillWorker(int processId)
    {
        using var kill = Process.Start("kill", ["-KILL", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string description)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {description} within {RunTimeout.TotalSeconds:F0} s.");
            await Task.Delay(100);
        }
    }
}
