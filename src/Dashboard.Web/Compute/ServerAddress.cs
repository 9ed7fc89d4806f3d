using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>The URL workers use to reach this server: <see cref="ComputeOptions.ServerUrl"/>, or the first address Kestrel listens on.</summary>
public sealed class ServerAddress(IServer server, IOptionsMonitor<ComputeOptions> options)
{
    public Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.CurrentValue.ServerUrl))
        {
            return new Uri(options.CurrentValue.ServerUrl);
        }

        string address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet; set Compute:ServerUrl.");

        // A wildcard binding (http://0.0.0.0:5000, http://[::]:5000, http://+:5000) is reachable on loopback.
        var builder = new UriBuilder(address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:"));
        if (builder.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri;
    }
}
