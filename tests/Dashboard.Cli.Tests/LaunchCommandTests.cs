using Dashboard.Cli.Tests.Infrastructure;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Tests;

/// <summary><c>labdash launch</c> against a real dashboard whose workers train on Fashion-MNIST.</summary>
public sealed class LaunchCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    private CliTestServer Server => fixture.Server;

    [Fact]
    public async Task YamlWithSetFollowsToCompleted()
    {
        string file = TestConfigurations.WriteFile(TestConfigurations.QuickYaml, ".yaml");

        var result = await CliRunner.RunAsync(
            "launch", file, "--server", Server.Address, "--set", "trainingSubsetSize=500", "--set", "seed=7", "--name", "cli set run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Launched run", result.Output);
        Assert.Matches(@"(?m)^step \d+ epoch [\d.]+ .*=", result.Output);
        Assert.Contains("Completed", result.Output);
        Assert.Contains("Clean accuracy", result.Output);

        string runId = RunIdFrom(result.Output);
        var run = await Server.GetRunAsync(runId);
        Assert.Equal("cli set run", run.GetProperty("name").GetString());
        Assert.Equal(500, run.GetProperty("configuration").GetProperty("trainingSubsetSize").GetInt32());
        Assert.Equal(7, run.GetProperty("configuration").GetProperty("seed").GetInt32());
        Assert.Equal(1, run.GetProperty("configuration").GetProperty("epochs").GetInt32());
    }

    [Fact]
    public async Task UnknownFieldExitsTwoNamingField()
    {
        string file = TestConfigurations.WriteFile(TestConfigurations.QuickYaml, ".yaml");

        var result = await CliRunner.RunAsync("launch", file, "--server", Server.Address, "--set", "learningRat=0.01");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("learningRat", result.Error);
        Assert.Matches(@"(?m)^\s*configuration\.learningRat: ", result.Error);
    }

    [Fact]
    public async Task OutOfRangeValueExitsTwoNamingField()
    {
        string file = TestConfigurations.WriteFile(TestConfigurations.QuickYaml, ".yaml");

        var result = await CliRunner.RunAsync("launch", file, "--server", Server.Address, "--set", "epochs=0", "--set", "batchSize=0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"(?m)^\s*configuration\.epochs: ", result.Error);
        Assert.Matches(@"(?m)^\s*configuration\.batchSize: ", result.Error);
    }

    [Fact]
    public async Task MissingKindExitsTwo()
    {
        var result = await CliRunner.RunAsync("launch", "--server", Server.Address, "--set", "epochs=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind", result.Error);
    }

    [Fact]
    public async Task UnknownKindExitsTwo()
    {
        var result = await CliRunner.RunAsync("launch", "--server", Server.Address, "--kind", "nosuchkind");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("kind: Unknown experiment kind 'nosuchkind'", result.Error);
    }

    [Fact]
    public async Task DetachPrintsRunIdOnly()
    {
        string file = TestConfigurations.WriteFile(TestConfigurations.QuickYaml, ".yaml");

        var result = await CliRunner.RunAsync("launch", file, "--server", Server.Address, "--detach");
        string runId = result.Output.Trim();
        await Server.WaitForStatusAsync(runId, TimeSpan.FromMinutes(3), RunStatus.Completed, RunStatus.Failed);

        Assert.Equal(0, result.ExitCode);
        Assert.True(RunIds.IsWellFormed(runId), result.ToString());
        Assert.Contains($"labdash follow {runId}", result.Error);
    }

    [Fact]
    public async Task FollowAndDetachTogetherExitTwo()
    {
        var result = await CliRunner.RunAsync("launch", "--kind", "backdoor", "--follow", "--detach", "--server", Server.Address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--follow and --detach", result.Error);
    }

    internal static string RunIdFrom(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Launched run (?<id>[a-z0-9]{12})");
        Assert.True(match.Success, $"No run id in: {output}");
        return match.Groups["id"].Value;
    }
}
