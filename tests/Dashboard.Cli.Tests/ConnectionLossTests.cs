using Dashboard.Cli.Tests.Infrastructure;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Tests;

/// <summary>Following a run while the dashboard goes away.</summary>
public sealed class ConnectionLossTests
{
    [Fact]
    public async Task StoppedServerEndsFollowWithThree()
    {
        var server = new CliTestServer();
        string address = server.Address;
        try
        {
            string file = TestConfigurations.WriteFile(TestConfigurations.LongJson, ".json");
            var launch = await CliRunner.RunAsync("launch", file, "--detach", "--server", address);
            string runId = launch.Output.Trim();
            await server.WaitForStatusAsync(runId, TimeSpan.FromMinutes(3), RunStatus.Running);
            var follow = CliRunner.RunAsync("follow", runId, "--server", address);
            await Task.Delay(TimeSpan.FromSeconds(2));

            server.Dispose();
            var result = await follow.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains("Lost the connection", result.Error);
            Assert.Contains($"before run {runId} ended", result.Error);
        }
        finally
        {
            server.Dispose();
        }
    }
}
