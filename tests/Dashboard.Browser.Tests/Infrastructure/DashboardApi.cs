using System.Net;
using System.Text;
using System.Text.Json;

namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>Calls to the dashboard's HTTP API (/api/v1/runs) that fail with the server's log when a call goes wrong.</summary>
public sealed class DashboardApi(DashboardProcess server) : IDisposable
{
    /// <summary>Statuses after which a run no longer changes.</summary>
    public static readonly string[] FinalStatuses = ["Completed", "Failed", "Cancelled", "Interrupted"];

    private readonly HttpClient _client = server.CreateClient();

    /// <summary>Posts <paramref name="body"/> to /api/v1/runs and returns the new run's id; fails unless the API returns 201.</summary>
    public async Task<string> LaunchAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("api/v1/runs", content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            server.Describe($"POST {_client.BaseAddress}api/v1/runs to return 201 Created; it returned {(int)response.StatusCode}: {text}"));

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Returns the run as GET /api/v1/runs/{id} returns it.</summary>
    public async Task<JsonElement> GetRunAsync(string id)
    {
        using var response = await _client.GetAsync($"api/v1/runs/{id}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            server.Describe($"GET {_client.BaseAddress}api/v1/runs/{id} to return 200; it returned {(int)response.StatusCode}: {text}"));

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Polls the run until its status is final and returns it; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitUntilFinalAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await GetRunAsync(id);
            string? status = run.GetProperty("status").GetString();
            if (FinalStatuses.Contains(status))
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(server.Describe(
                    $"run {id} to end within {timeout.TotalMinutes:F0} min (GET {_client.BaseAddress}api/v1/runs/{id}); it is still {status}, phase '{run.GetProperty("phase")}'"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    public void Dispose() => _client.Dispose();
}
