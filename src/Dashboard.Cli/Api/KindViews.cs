using System.Text.Json.Nodes;

namespace Dashboard.Cli.Api;

/// <summary>An experiment kind as <c>GET /api/v1/kinds</c> and <c>GET /api/v1/kinds/{id}</c> return it.</summary>
internal sealed record KindView(
    string Id,
    string DisplayName,
    string? Description,
    string? HeadlineMeasure,
    IReadOnlyList<PresetView>? Presets,
    JsonObject? Defaults);

/// <summary>A named configuration of a kind; <see cref="Configuration"/> is present on <c>GET /api/v1/kinds/{id}/presets/{presetId}</c>.</summary>
internal sealed record PresetView(string Id, string Name, string? Description, JsonObject? Configuration);
