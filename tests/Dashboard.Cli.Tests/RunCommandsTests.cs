using System.Text.Json;
using Dashboard.Cli.Tests.Infrastructure;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Tests;

/// <summary>follow, list, show, cancel and export against a real dashboard.</summary>
public sealed class RunCommandsTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private CliTestServer Server => fixture.Server;

    [Fact]
    public async Task ListShowAndExportFinishedRun()
    {
        string runId = await LaunchDetachedAsync(TestConfigurations.QuickYaml, ".yaml", "--name", "cli listed run");
        var follow = await CliRunner.RunAsync("follow", runId, "--server", Server.Address);

        var list = await CliRunner.RunAsync("list", "--server", Server.Address, "--status", "Completed", "--search", "cli listed");
        var listJson = await CliRunner.RunAsync("list", "--server", Server.Address, "--json", "--take", "5");
        var show = await CliRunner.RunAsync("show", runId, "--server", Server.Address);
        var showJson = await CliRunner.RunAsync("show", runId, "--server", Server.Address, "--json");

        Assert.True(follow.ExitCode == 0, follow.ToString());
        Assert.Equal(0, list.ExitCode);
        Assert.Matches($@"(?m)^{runId}\s+cli listed run\s+backdoor\s+Completed\s+100%", list.Output);
        Assert.Equal(0, listJson.ExitCode);
        Assert.Contains(
            JsonDocument.Parse(listJson.Output).RootElement.GetProperty("items").EnumerateArray(),
            item => item.GetProperty("id").GetString() == runId);
        Assert.Equal(0, show.ExitCode);
        Assert.Matches(@"(?m)^Status\s+Completed", show.Output);
        Assert.Matches(@"(?m)^  Clean accuracy\s+\d+\.\d%", show.Output);
        Assert.Matches(@"(?m)^  epochs: 1$", show.Output);
        Assert.Equal(runId, JsonDocument.Parse(showJson.Output).RootElement.GetProperty("id").GetString());

        var resume = await CliRunner.RunAsync("resume", runId, "--server", Server.Address);
        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("can be resumed", resume.Error);

        string folder = Directory.CreateTempSubdirectory("dashboard-cli-export-").FullName;
        string csvPath = Path.Combine(folder, "metrics.csv");
        string configPath = Path.Combine(folder, "config.json");
        var csv = await CliRunner.RunAsync("export", runId, "--format", "csv", "-o", csvPath, "--server", Server.Address);
        var json = await CliRunner.RunAsync("export", runId, "--format", "json", "--server", Server.Address);
        var html = await CliRunner.RunAsync("export", runId, "--format", "html", "--server", Server.Address);
        var config = await CliRunner.RunAsync("export", runId, "--format", "config", "-o", configPath, "--server", Server.Address);
        string yamlPath = Path.Combine(folder, "config.yaml");
        var yaml = await CliRunner.RunAsync("export", runId, "--format", "config", "-o", yamlPath, "--server", Server.Address);

        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.StartsWith("run_id,", File.ReadLines(csvPath).First());
        Assert.True(File.ReadLines(csvPath).Count() > 2);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(json.Output).RootElement.ValueKind);
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("<html", html.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, config.ExitCode);
        Assert.Equal("backdoor", JsonDocument.Parse(File.ReadAllText(configPath)).RootElement.GetProperty("kind").GetString());
        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains("kind: backdoor", File.ReadAllText(yamlPath));

        // The exported configuration is a launch file: launching it queues a run with the same settings.
        var relaunch = await CliRunner.RunAsync("launch", configPath, "--detach", "--server", Server.Address);
        Assert.True(relaunch.ExitCode == 0, relaunch.ToString());
        var copy = await Server.WaitForStatusAsync(relaunch.Output.Trim(), RunTimeout, RunStatus.Completed, RunStatus.Failed);
        Assert.Equal(600, copy.GetProperty("configuration").GetProperty("trainingSubsetSize").GetInt32());
    }

    [Fact]
    public async Task CancelStopsRunningRun()
    {
        string runId = await LaunchDetachedAsync(TestConfigurations.LongJson, ".json");
        await Server.WaitForStatusAsync(runId, RunTimeout, RunStatus.Running);

        var cancel = await CliRunner.RunAsync("cancel", runId, "--server", Server.Address);
        var follow = await CliRunner.RunAsync("follow", runId, "--server", Server.Address);
        var again = await CliRunner.RunAsync("cancel", runId, "--server", Server.Address);

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.True(follow.ExitCode == 1, follow.ToString());
        Assert.Contains($"Run {runId} Cancelled", follow.Output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already ended", again.Error);
    }

    [Fact]
    public async Task InterruptStopsFollowingButNotRun()
    {
        string runId = await LaunchDetachedAsync(TestConfigurations.LongJson, ".json");
        await Server.WaitForStatusAsync(runId, RunTimeout, RunStatus.Running);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var follow = await CliRunner.RunAsync(["follow", runId, "--server", Server.Address], interrupt.Token);
        var run = await Server.GetRunAsync(runId);
        await CliRunner.RunAsync("cancel", runId, "--server", Server.Address);

        Assert.True(follow.ExitCode == 130, follow.ToString());
        Assert.Contains($"labdash follow {runId}", follow.Error);
        Assert.Equal("Running", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task InterruptWithCancelOptionCancelsRun()
    {
        string file = TestConfigurations.WriteFile(TestConfigurations.LongJson, ".json");
        using var interrupt = new CancellationTokenSource();
        var launch = CliRunner.RunAsync(["launch", file, "--cancel-on-interrupt", "--server", Server.Address], interrupt.Token);

        // Interrupt once training has reported points, as a user pressing Ctrl+C mid-run would.
        var running = await WaitForRunningWithPointsAsync();
        await interrupt.CancelAsync();
        var result = await launch.WaitAsync(RunTimeout);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Cancel requested", result.Error);
        Assert.Contains("Cancelled", result.Output);
        Assert.Equal("Cancelled", (await Server.GetRunAsync(running)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRunExitsFour()
    {
        string unknown = RunIds.Create();

        var show = await CliRunner.RunAsync("show", unknown, "--server", Server.Address);
        var follow = await CliRunner.RunAsync("follow", unknown, "--server", Server.Address);
        var export = await CliRunner.RunAsync("export", unknown, "--format", "csv", "--server", Server.Address);
        var cancel = await CliRunner.RunAsync("cancel", unknown, "--server", Server.Address);

        Assert.Equal(4, show.ExitCode);
        Assert.Contains(unknown, show.Error);
        Assert.Equal(4, follow.ExitCode);
        Assert.Contains(unknown, follow.Error);
        Assert.Equal(4, export.ExitCode);
        Assert.Equal(4, cancel.ExitCode);
    }

    [Fact]
    public async Task InvalidListFilterExitsTwo()
    {
        var result = await CliRunner.RunAsync("list", "--status", "Sleeping", "--server", Server.Address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("status: Unknown status 'Sleeping'", result.Error);
    }

    private async Task<string> LaunchDetachedAsync(string text, string extension, params string[] options)
    {
        string file = TestConfigurations.WriteFile(text, extension);
        var result = await CliRunner.RunAsync(["launch", file, "--detach", "--server", Server.Address, .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Trim();
    }

    private async Task<string> WaitForRunningWithPointsAsync()
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var list = await CliRunner.RunAsync("list", "--status", "Running", "--json", "--server", Server.Address);
            foreach (var item in JsonDocument.Parse(list.Output).RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("progress").GetDouble() > 0)
                {
                    return item.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("No run reported progress in time.");
    }
}
