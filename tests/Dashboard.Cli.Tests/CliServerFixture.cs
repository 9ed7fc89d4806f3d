using Dashboard.Cli.Tests.Infrastructure;

namespace Dashboard.Cli.Tests;

/// <summary>One dashboard server on Fashion-MNIST shared by the tests of a class.</summary>
public sealed class CliServerFixture : IDisposable
{
    public CliServerFixture()
    {
        Server = new CliTestServer();
        Server.StartServer();
    }

    public CliTestServer Server { get; }

    public void Dispose() => Server.Dispose();
}
