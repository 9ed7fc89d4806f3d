using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Core.Runs;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>A sweep's own concurrency limit and its cancellation, with real worker processes.</summary>
public sealed class SweepConcurrencyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task MaxConcurrentOneRunsMembersOneAtATime()
    {
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:MaxConcurrentRuns"] = "2" });
        var group = await LaunchSweepAsync(server, TestConfigurations.Quick, maxConcurrent: 1, seeds: [1, 2, 3]);
        var single = await server.LaunchAsync(TestConfigurations.Quick, "outside the sweep");

        var members = new List<RunDto>();
        foreach (var member in group.Members)
        {
            members.Add(await server.WaitForRunAsync(member.RunId, r => r.Status.IsFinal(), Timeout, "a final status"));
        }

        var outside = await server.WaitForRunAsync(single.Id, r => r.Status.IsFinal(), Timeout, "a final status");
        var ordered = members.OrderBy(m => m.StartedAt).ToList();

        Assert.All(members, member => Assert.Equal(RunStatus.Completed, member.Status));
        for (int i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].StartedAt >= ordered[i - 1].EndedAt, $"Member {i} started at {ordered[i].StartedAt:O} before member {i - 1} ended at {ordered[i - 1].EndedAt:O}.");
        }

        // The run outside the sweep used the second global slot while the first member trained.
        Assert.True(outside.StartedAt < ordered[0].EndedAt, $"The run outside the sweep started at {outside.StartedAt:O}, after the first member ended at {ordered[0].EndedAt:O}.");
    }

    [Fact]
    public async Task CancelStopsRunningAndQueuedMembers()
    {
        using var server = new DashboardServer(new Dictionary<string, string?> { ["Compute:MaxConcurrentRuns"] = "2" });
        var group = await LaunchSweepAsync(server, TestConfigurations.Long, maxConcurrent: 1, seeds: [1, 2, 3]);
        await server.WaitForRunAsync(group.Members[0].RunId, r => r.Status == RunStatus.Running, Timeout, "running");

        using var client = server.CreateClient();
        using var response = await client.PostAsync($"/api/v1/groups/{group.Id}/cancel", null);
        var result = await response.Content.ReadFromJsonAsync<CancelCounts>(ApiJson.Options);
        var statuses = new List<RunStatus>();
        foreach (var member in group.Members)
        {
            statuses.Add((await server.WaitForRunAsync(member.RunId, r => r.Status.IsFinal(), Timeout, "a final status")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new CancelCounts(2, 1, 0), result);
        Assert.Equal([RunStatus.Cancelled, RunStatus.Cancelled, RunStatus.Cancelled], statuses);
    }

    private static async Task<GroupDto> LaunchSweepAsync(DashboardServer server, string configuration, int maxConcurrent, int[] seeds)
    {
        using var client = server.CreateClient();
        string sweep = $$"""{"maxConcurrent":{{maxConcurrent}},"parameters":{"seed":{"values":[{{string.Join(",", seeds)}}]} } }""";
        string body = $$"""{"kind":"backdoor","name":"seeds","configuration":{{configuration}},"sweep":{{sweep}}}""";
        using var response = await client.PostAsync("/api/v1/groups", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Sweep launch failed with {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<GroupDto>(text, ApiJson.Options)!;
    }

    private sealed record CancelCounts(int Cancelled, int StopRequested, int AlreadyEnded);
}
