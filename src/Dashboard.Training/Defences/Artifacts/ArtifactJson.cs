using System.Text.Json;

namespace Dashboard.Training.Defences.Artifacts;

internal static class ArtifactJson
{
    /// <summary>Camel-case names, nulls written out (an unpoisoned example has <c>"attack": null</c>).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
