using System.Net;
using System.Net.Sockets;
using Dashboard.Cli.Tests.Infrastructure;

namespace Dashboard.Cli.Tests;

/// <summary>Errors before any run is involved: no server, a bad address, bad command lines and help.</summary>
public sealed class ConnectionTests
{
    [Theory]
    [InlineData("list")]
    [InlineData("show", "abcdefghijkm")]
    [InlineData("follow", "abcdefghijkm")]
    [InlineData("kinds")]
    public async Task UnreachableServerExitsThree(params string[] command)
    {
        string address = $"http://127.0.0.1:{UnusedPort()}";

        var result = await CliRunner.RunAsync([.. command, "--server", address]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"Cannot reach the dashboard at {address}", result.Error);
        Assert.Contains("LABDASH_SERVER", result.Error);
    }

    [Fact]
    public async Task MalformedServerAddressExitsTwo()
    {
        var result = await CliRunner.RunAsync("list", "--server", "ftp://example");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'ftp://example' is not an http:// or https:// URL", result.Error);
    }

    [Fact]
    public async Task UnknownOptionExitsTwo()
    {
        var result = await CliRunner.RunAsync("list", "--colour");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Error);
    }

    [Fact]
    public async Task HelpListsExitCodes()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes:", result.Output);
        Assert.Matches(@"(?m)^  3\s+cannot reach the server", result.Output);
        Assert.Matches(@"(?m)^  5\s+not allowed", result.Output);
    }

    [Fact]
    public async Task MissingFileExitsTwo()
    {
        var result = await CliRunner.RunAsync("launch", "/nonexistent/run.yaml", "--server", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/run.yaml", result.Error);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
