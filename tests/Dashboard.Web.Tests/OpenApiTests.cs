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
    public async Task EveryOperationHasSummaryAndTag()
    {
        using var document = await ReadDocumentAsync();
        var undocumented = new List<string>();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                bool tagged = operation.Value.TryGetProperty("tags", out var tags) && tags.EnumerateArray().All(t => t.GetString() != "Dashboard.Web");
                if (!operation.Value.TryGetProperty("summary", out _) || !tagged)
                {
                    undocumented.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(undocumented.Count == 0, $"Operations without summary or tag: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public async Task LaunchDescribesBodyAndResponses()
    {
        using var document = await ReadDocumentAsync();
        var launch = document.RootElement.GetProperty("paths").GetProperty("/api/v1/runs").GetProperty("post");
        var body = launch.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var created = launch.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var invalid = launch.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");

        Assert.Equal(["kind"], body.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(body.GetProperty("properties").TryGetProperty("configuration", out _));
        Assert.True(created.GetProperty("properties").TryGetProperty("id", out _));
        Assert.True(invalid.GetProperty("properties").TryGetProperty("errors", out _));
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
