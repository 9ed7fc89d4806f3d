using System.Text.Json;
using Dashboard.Storage;

namespace Dashboard.Web.Components.Results;

/// <summary>Reads a JSON artifact of a run for a result view; returns null when the run has no such file or it is unreadable.</summary>
public static class ArtifactJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T? Read<T>(IArtifactStore artifacts, string runId, string name, ILogger logger)
        where T : class
    {
        using var stream = artifacts.Open(runId, name);
        if (stream is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Artifact {Name} of run {RunId} is not valid JSON of the expected shape", name, runId);
            return null;
        }
    }
}
