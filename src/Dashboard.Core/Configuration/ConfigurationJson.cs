using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Configuration;

/// <summary>
/// The one JSON form of configurations, used by storage, the API and the worker: camel-case names,
/// enums as camel-case strings, and unknown properties rejected so that a misspelt field is an error
/// rather than a silently ignored default.
/// </summary>
public static class ConfigurationJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(object configuration) =>
        JsonSerializer.Serialize(configuration, configuration.GetType(), Options);

    /// <summary>
    /// Reads <paramref name="json"/> into a new <paramref name="type"/>; fields the JSON leaves out keep the
    /// type's defaults. Returns the errors instead of throwing when the JSON is malformed or a value has the
    /// wrong type.
    /// </summary>
    public static object? Deserialize(Type type, string json, out List<FieldError> errors)
    {
        errors = [];
        try
        {
            var value = JsonSerializer.Deserialize(json, type, Options);
            if (value is null)
            {
                errors.Add(new FieldError(string.Empty, "The configuration is null; send a JSON object."));
            }

            return value;
        }
        catch (JsonException exception)
        {
            errors.Add(new FieldError(TrimPath(exception.Path), Describe(exception)));
            return null;
        }
    }

    /// <summary>Copies a configuration by a JSON round trip.</summary>
    public static object Clone(object configuration) =>
        JsonSerializer.Deserialize(Serialize(configuration), configuration.GetType(), Options)!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string TrimPath(string? path) =>
        path is null or "$" ? string.Empty : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException exception)
    {
        // System.Text.Json messages name the CLR type and the JSON path; keep the part a user can act on.
        string message = exception.Message;
        int pathIndex = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathIndex > 0)
        {
            message = message[..pathIndex];
        }

        return exception.LineNumber is { } line
            ? $"{message} (line {line + 1}, position {exception.BytePositionInLine + 1})"
            : message;
    }
}
