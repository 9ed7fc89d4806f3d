using System.Text.Json;
using Dashboard.Cli.Configuration;
using Dashboard.Cli.Tests.Infrastructure;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Tests;

/// <summary>kinds, presets, defaults and preset launches against a real dashboard.</summary>
public sealed class KindCommandsTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    private CliTestServer Server => fixture.Server;

    [Fact]
    public async Task KindsListsBackdoorWithPresets()
    {
        var table = await CliRunner.RunAsync("kinds", "--server", Server.Address);
        var json = await CliRunner.RunAsync("kinds", "--json", "--server", Server.Address);

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"(?m)^backdoor\s+.*quick-check", table.Output);
        Assert.Equal(0, json.ExitCode);
        Assert.Contains(JsonDocument.Parse(json.Output).RootElement.EnumerateArray(), kind => kind.GetProperty("id").GetString() == "backdoor");
    }

    [Fact]
    public async Task PresetsListsQuickCheck()
    {
        var result = await CliRunner.RunAsync("presets", "backdoor", "--server", Server.Address);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^quick-check\s+Quick check\s+", result.Output);
    }

    [Fact]
    public async Task UnknownKindExitsFour()
    {
        var presets = await CliRunner.RunAsync("presets", "nosuchkind", "--server", Server.Address);
        var defaults = await CliRunner.RunAsync("defaults", "nosuchkind", "--server", Server.Address);

        Assert.Equal(4, presets.ExitCode);
        Assert.Contains("'nosuchkind'", presets.Error);
        Assert.Contains("backdoor", presets.Error);
        Assert.Equal(4, defaults.ExitCode);
    }

    [Fact]
    public async Task DefaultsPrintsLaunchFileInYamlAndJson()
    {
        var yaml = await CliRunner.RunAsync("defaults", "backdoor", "--server", Server.Address);
        var json = await CliRunner.RunAsync("defaults", "backdoor", "--format", "json", "--server", Server.Address);

        Assert.Equal(0, yaml.ExitCode);
        var fromYaml = LaunchDocument.Parse(yaml.Output, "defaults.yaml");
        Assert.Equal("backdoor", fromYaml.Kind);
        Assert.Equal("5", fromYaml.Configuration!["epochs"]!.ToJsonString());
        Assert.Equal(0, json.ExitCode);
        var fromJson = LaunchDocument.Parse(json.Output, "defaults.json");
        Assert.Equal(fromJson.Configuration!.ToJsonString(), fromYaml.Configuration.ToJsonString());
    }

    [Fact]
    public async Task DefaultsOfPresetLaunchWithOverrides()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("dashboard-cli-defaults-").FullName, "quick.yaml");

        var defaults = await CliRunner.RunAsync("defaults", "backdoor", "--preset", "quick-check", "-o", path, "--server", Server.Address);
        var launch = await CliRunner.RunAsync(
            "launch", path, "--set", "trainingSubsetSize=600", "--set", "modelWidth=8", "--detach", "--server", Server.Address);
        var run = await Server.WaitForStatusAsync(launch.Output.Trim(), TimeSpan.FromMinutes(3), RunStatus.Completed, RunStatus.Failed);

        Assert.Equal(0, defaults.ExitCode);
        Assert.Contains("trainingSubsetSize: 5000", File.ReadAllText(path));
        Assert.True(launch.ExitCode == 0, launch.ToString());
        Assert.Equal("Completed", run.GetProperty("status").GetString());
        Assert.Equal(600, run.GetProperty("configuration").GetProperty("trainingSubsetSize").GetInt32());
    }

    [Fact]
    public async Task LaunchPresetWithSetMergesOverPreset()
    {
        var result = await CliRunner.RunAsync(
            "launch", "--kind", "backdoor", "--preset", "quick-check", "--set", "trainingSubsetSize=600", "--set", "modelWidth=8",
            "--set", "attacks[1].targetClass=5", "--server", Server.Address);

        Assert.True(result.ExitCode == 0, result.ToString());
        var run = await Server.GetRunAsync(LaunchCommandTests.RunIdFrom(result.Output));
        var configuration = run.GetProperty("configuration");
        Assert.Equal(600, configuration.GetProperty("trainingSubsetSize").GetInt32());
        Assert.Equal(1, configuration.GetProperty("epochs").GetInt32());
        Assert.Equal(5, configuration.GetProperty("attacks")[1].GetProperty("targetClass").GetInt32());
    }

    [Fact]
    public async Task LaunchUnknownPresetExitsFour()
    {
        var result = await CliRunner.RunAsync("launch", "--kind", "backdoor", "--preset", "nosuchpreset", "--set", "epochs=1", "--server", Server.Address);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("'nosuchpreset'", result.Error);
        Assert.Contains("quick-check", result.Error);
    }
}
