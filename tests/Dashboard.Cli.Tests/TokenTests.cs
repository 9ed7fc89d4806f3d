using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dashboard.Cli.Tests.Infrastructure;

namespace Dashboard.Cli.Tests;

/// <summary>
/// The access token on HTTP requests and on the hub's negotiate request. A loopback listener records each
/// request's Authorization header and rejects the request with 401, as a dashboard with sign-in would.
/// </summary>
public sealed class TokenTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private readonly string _address;

    public TokenTests()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(_address);
        _listener.Start();
        _ = RejectAllAsync();
    }

    [Fact]
    public async Task TokenOptionSentAsBearer()
    {
        var result = await CliRunner.RunAsync("list", "--server", _address, "--token", "secret-one");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("--token", result.Error);
        Assert.Contains(_requests, r => r.Path == "/api/v1/runs" && r.Authorization == "Bearer secret-one");
    }

    [Fact]
    public async Task TokenVariableSentToHub()
    {
        Environment.SetEnvironmentVariable("LABDASH_TOKEN", "secret-two");
        try
        {
            var result = await CliRunner.RunAsync("follow", "abcdefghijkm", "--server", _address);

            Assert.Equal(5, result.ExitCode);
            Assert.Contains(_requests, r => r.Path == "/hubs/runs/negotiate" && r.Authorization == "Bearer secret-two");
        }
        finally
        {
            Environment.SetEnvironmentVariable("LABDASH_TOKEN", null);
        }
    }

    [Fact]
    public async Task NoTokenSendsNoHeader()
    {
        var result = await CliRunner.RunAsync("list", "--server", _address);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains(_requests, r => r.Path == "/api/v1/runs" && r.Authorization is null);
    }

    public void Dispose() => _listener.Close();

    private async Task RejectAllAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"]));
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/problem+json";
            byte[] body = """{"title":"Unauthorized","status":401,"detail":"Sign in with a token."}"""u8.ToArray();
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
