namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Base for class fixtures that share one <see cref="DashboardServer"/> across a test class.</summary>
public abstract class DashboardServerFixture : IDisposable
{
    private readonly DashboardServer _server;

    protected DashboardServerFixture(IDictionary<string, string?> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        _server = new DashboardServer(settings, configureServices: configureServices);
        _server.StartServer();
    }

    public HttpClient CreateClient() => _server.CreateClient();

    public T Service<T>()
        where T : notnull => _server.Service<T>();

    public DashboardServer Server => _server;

    public void Dispose() => _server.Dispose();
}
