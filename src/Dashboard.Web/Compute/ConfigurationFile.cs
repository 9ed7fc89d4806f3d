using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Web.Api;

namespace Dashboard.Web.Compute;

/// <summary>
/// A run's configuration as a downloadable JSON file: <c>{"kind": "...", "name": "...", "configuration": {...}}</c>,
/// the shape of a launch request body, so the file can be posted to <c>/api/v1/runs</c> or loaded into the launch form.
/// </summary>
public static class ConfigurationFile
{
    /// <summary>Largest file the launch form reads.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);

        var file = new JsonObject
        {
            ["kind"] = run.Kind,
            ["name"] = run.Name,
            ["configuration"] = JsonNode.Parse(run.ConfigurationJson),
        };
        return file.ToJsonString(Indented);
    }

    public static string FileName(RunRecord run) => $"{run.Id}-configuration.json";

    /// <summary>
    /// Reads a configuration file into the kind's typed configuration without validating its values, so the form can
    /// show each invalid value at its field. Returns errors instead when the file is not JSON, names no known kind,
    /// or has a value of the wrong type.
    /// </summary>
    public static ConfigurationFileResult Read(string text, ExperimentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var body = LaunchBody.Parse(text);
        if (body.Error is { } error)
        {
            return ConfigurationFileResult.Invalid([new FieldError("file", $"The file is not a run configuration: {error}")]);
        }

        var request = body.Request!;
        if (catalog.Find(request.Kind) is not { } kind)
        {
            string known = string.Join(", ", catalog.Kinds.Select(k => k.Id));
            return ConfigurationFileResult.Invalid([new FieldError("kind", $"The file's kind '{request.Kind}' is unknown; known kinds are {known}.")]);
        }

        if (string.IsNullOrWhiteSpace(request.ConfigurationJson))
        {
            return ConfigurationFileResult.Invalid([new FieldError("configuration", "The file has no \"configuration\" object.")]);
        }

        var configuration = ConfigurationJson.Deserialize(kind.ConfigurationType, request.ConfigurationJson, out var errors);
        return configuration is null
            ? ConfigurationFileResult.Invalid(errors)
            : new ConfigurationFileResult(kind, configuration, request.Name, []);
    }
}

/// <summary>Outcome of <see cref="ConfigurationFile.Read"/>: the kind and configuration, or why the file cannot be loaded.</summary>
public sealed record ConfigurationFileResult(IExperimentKind? Kind, object? Configuration, string? Name, IReadOnlyList<FieldError> Errors)
{
    public static ConfigurationFileResult Invalid(IReadOnlyList<FieldError> errors) => new(null, null, null, errors);
}
