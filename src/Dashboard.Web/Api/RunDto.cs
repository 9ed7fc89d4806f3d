using System.Text.Json;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Api;

/// <summary>A run as the HTTP API returns it.</summary>
public sealed record RunDto(
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
    IReadOnlyList<ArtifactInfo> Artifacts,
    string Page,
    IReadOnlyList<string> Tags,
    string? Notes,
    DateTimeOffset? ArchivedAt,
    string? Owner)
{
    public static RunDto From(RunRecord run) => new(
        run.Id,
        run.Name,
        run.Kind,
        run.Status,
        run.CreatedAt,
        run.StartedAt,
        run.EndedAt,
        run.Duration?.TotalSeconds,
        run.Progress,
        run.Phase,
        run.Device,
        run.Error,
        JsonDocument.Parse(run.ConfigurationJson).RootElement.Clone(),
        run.Summary,
        run.Artifacts,
        $"/runs/{run.Id}",
        run.Tags,
        run.Notes,
        run.ArchivedAt,
        run.Owner);
}

/// <summary>One page of runs.</summary>
public sealed record RunListDto(IReadOnlyList<RunDto> Items, int Total, int Skip, int Take);
