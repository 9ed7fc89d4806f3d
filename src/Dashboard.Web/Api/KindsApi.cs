using Dashboard.Core.Experiments;
using Dashboard.Web.Compute;

namespace Dashboard.Web.Api;

/// <summary>
/// The HTTP API for experiment kinds: what can be launched, each kind's configuration schema and defaults,
/// and its presets with their full configurations.
/// </summary>
public static class KindsApi
{
    public static IEndpointRouteBuilder MapKindsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/kinds");
        group.MapGet("/", (ExperimentCatalog catalog) => catalog.Kinds.Select(KindSummaryDto.From).ToList());
        group.MapGet("/{id}", Get);
        group.MapGet("/{id}/presets/{presetId}", GetPreset);
        return endpoints;
    }

    private static IResult Get(string id, ExperimentCatalog catalog, WorkerEnvironmentFactory environments)
    {
        if (catalog.Find(id) is not { } kind)
        {
            return KindNotFound(id, catalog);
        }

        Func<string, string, string?> unavailable = (_, _) => null;
        if (kind is IChoiceAvailability availability)
        {
            var environment = environments.Create();
            unavailable = (path, value) => availability.UnavailableReason(path, value, environment);
        }

        return Results.Ok(KindDto.From(kind, unavailable));
    }

    private static IResult GetPreset(string id, string presetId, ExperimentCatalog catalog)
    {
        if (catalog.Find(id) is not { } kind)
        {
            return KindNotFound(id, catalog);
        }

        return kind.Presets.FirstOrDefault(p => p.Id == presetId) is { } preset
            ? Results.Ok(PresetDto.From(preset))
            : Results.Problem(
                $"The kind '{id}' has no preset '{presetId}'; its presets are {string.Join(", ", kind.Presets.Select(p => p.Id))}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Preset not found");
    }

    private static IResult KindNotFound(string id, ExperimentCatalog catalog) =>
        Results.Problem(
            $"No experiment kind has the id '{id}'; the kinds are {string.Join(", ", catalog.Kinds.Select(k => k.Id))}.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Kind not found");
}
