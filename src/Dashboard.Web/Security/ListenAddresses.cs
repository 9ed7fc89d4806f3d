using System.Net;

namespace Dashboard.Web.Security;

/// <summary>Reads the addresses the server is configured to listen on, and detects which of them are loopback.</summary>
public static class ListenAddresses
{
    /// <summary>Kestrel's default when no address is configured.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Returns the URLs from the <c>urls</c> setting (appsettings <c>Urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>--urls</c>), the <c>Kestrel:Endpoints</c> section and the <c>http_ports</c> and <c>https_ports</c>
    /// settings, which bind every interface. Returns Kestrel's default address when none is set.
    /// </summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                urls.Add(url);
            }
        }

        foreach (string key in new[] { "http_ports", "https_ports" })
        {
            urls.AddRange(Split(configuration[key]).Select(port => $"http://*:{port}"));
        }

        return urls.Count > 0 ? urls : [DefaultUrl];
    }

    /// <summary>Whether <paramref name="url"/> listens only on 127.0.0.1, ::1 or localhost.</summary>
    public static bool IsLoopback(string url)
    {
        string host = HostOf(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && (address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback));
    }

    /// <summary>Returns the host part of a listen URL, without IPv6 brackets: <c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>::1</c>, a name or an address.</summary>
    public static string HostOf(string url)
    {
        string rest = url.Trim();
        int scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        int slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            rest = rest[..slash];
        }

        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            return close > 0 ? rest[1..close] : rest;
        }

        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
