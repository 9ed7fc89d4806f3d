using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference page that reads it.</summary>
public sealed partial class OpenApiTests : IClassFixture<OpenApiTests.Server>
{
    private readonly Server _server;

    public OpenApiTests(Server server) => _server = server;

    [Fact]
    public async Task DocumentListsPublicEndpoints()
    {
        using var document = await ReadDocumentAsync();
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();

        Assert.Equal("Lab Dashboard API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/api/v1/runs", paths);
        Assert.Contains("/api/v1/runs/{id}", paths);
        Assert.Contains("/api/v1/groups", paths);
        Assert.Contains("/api/v1/shares", paths);
    }

    [Fact]
    public async Task DocumentLeavesOutWorkerEndpoints()
    {
        using var document = await ReadDocumentAsync();
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();

        Assert.DoesNotContain(paths, path => path.StartsWith("/api/worker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReferencePageLoadsOnlyFromServer()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/scalar/v1");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", html);
        var external = ExternalReference().Matches(html).Select(match => match.Value).ToList();
        Assert.True(external.Count == 0, $"The reference page loads from other hosts: {string.Join(", ", external)}");
    }

    [Fact]
    public async Task ReferenceScriptServedLocally()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/scalar/scalar.js");
        byte[] script = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(script.Length > 100_000, $"scalar.js should be the bundled reference script; it has {script.Length} bytes.");
    }

    private async Task<JsonDocument> ReadDocumentAsync()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']https?://""")]
    private static partial Regex ExternalReference();

    /// <summary>One server for the class; these tests only read.</summary>
    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>());
}
