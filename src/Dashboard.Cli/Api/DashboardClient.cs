using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Cli.Api;

/// <summary>
/// Calls the dashboard's HTTP API under <c>/api/v1</c>. Every failure becomes a <see cref="CliException"/>:
/// connection errors and timeouts exit with <see cref="ExitCodes.Unreachable"/>, error statuses as
/// <see cref="ProblemResponse"/> maps them.
/// </summary>
internal sealed class DashboardClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    public DashboardClient(Uri server, string? token)
    {
        Server = server;
        _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Server { get; }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadAsync<T>(response, path, cancellationToken);
    }

    /// <summary>Returns the response body of a GET as indented JSON, for <c>--json</c> output.</summary>
    public async Task<string> GetJsonTextAsync(string path, CancellationToken cancellationToken)
    {
        var node = await GetAsync<JsonNode>(path, cancellationToken);
        return node.ToJsonString(ApiJson.Indented);
    }

    public async Task<T> PostAsync<T>(string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, path, content, cancellationToken);
        return await ReadAsync<T>(response, path, cancellationToken);
    }

    /// <summary>Copies the body of a GET to <paramref name="destination"/>.</summary>
    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Wraps an HTTP failure below the status level (refused connection, DNS, TLS, timeout) in a clear message.</summary>
    public CliException Unreachable(string detail) => new(
        ExitCodes.Unreachable,
        $"Cannot reach the dashboard at {Server}: {detail}. Check that the server is running and that --server or LABDASH_SERVER points to it.");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        string request = $"{method} {path}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);

        HttpResponseMessage response;
        try
        {
            using var message = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(exception.InnerException?.Message ?? exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"{request} timed out after {RequestTimeout.TotalSeconds:F0} s");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw ProblemResponse.ToException(response.StatusCode, body, request);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException exception)
        {
            throw new CliException(
                ExitCodes.Unreachable,
                $"The server at {Server} answered {path} with something other than the dashboard's JSON ({exception.Message}). Check --server.");
        }
    }
}
