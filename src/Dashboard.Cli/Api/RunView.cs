using System.Text.Json;
using Dashboard.Core.Runs;

namespace Dashboard.Cli.Api;

/// <summary>A run as <c>GET /api/v1/runs/{id}</c> returns it.</summary>
internal sealed record RunView(
    string Id,
    string Name,
    string Kind,
    RunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? DurationSeconds,
    double Progress,
    string? Phase,
    string? Device,
    string? Error,
    JsonElement Configuration,
    RunSummary? Summary,
    IReadOnlyList<ArtifactInfo>? Artifacts,
    string? Page,
    IReadOnlyList<string>? Tags,
    string? Notes,
    DateTimeOffset? ArchivedAt);

/// <summary>One page of runs from <c>GET /api/v1/runs</c>.</summary>
internal sealed record RunListView(IReadOnlyList<RunView> Items, int Total, int Skip, int Take);
