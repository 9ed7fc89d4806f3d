using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Configuration;

/// <summary>
/// The one JSON form of configurations, used by storage, the API and the worker: camel-case names,
/// enums as camel-case strings, and unknown properties rejected so that a misspelt field is an error
/// rather than a silently ignored default.
/// </summary>
public static partial class ConfigurationJson
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
            string path = TrimPath(exception.Path);
            errors.Add(new FieldError(path, Describe(type, path, exception)));
            return null;
        }
    }

    /// <summary>
    /// Returns <paramref name="baseJson"/> with the properties of <paramref name="overlayJson"/> written over it: nested
    /// objects merge property by property, while lists and single values replace the base's. Returns the overlay
    /// unchanged when either text is not a JSON object, so that deserializing it reports the error.
    /// </summary>
    public static string Overlay(string baseJson, string overlayJson)
    {
        JsonNode? baseNode;
        JsonNode? overlayNode;
        try
        {
            baseNode = JsonNode.Parse(baseJson);
            overlayNode = JsonNode.Parse(overlayJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return overlayJson;
        }

        if (baseNode is not JsonObject target || overlayNode is not JsonObject overlay)
        {
            return overlayJson;
        }

        Merge(target, overlay);
        return target.ToJsonString();
    }

    private static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay.ToList())
        {
            if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Merge(existing, nested);
                continue;
            }

            target[name] = value?.DeepClone();
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

    private static string Expected(ConfigurationField field) => field.Type switch
    {
        FieldType.Integer => "a whole number",
        FieldType.Number => "a number",
        FieldType.Boolean => "true or false",
        FieldType.Text => "a string",
        FieldType.Choice => "one of " + string.Join(", ", field.Choices.Select(c => $"\"{c.Value}\"")),
        FieldType.Object => "a JSON object",
        _ => "a JSON array",
    };

    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '(.+?)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnknownPropertyPattern();

    private static string TrimPath(string? path) =>
        path is null or "$" ? string.Empty : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>
    /// Rewrites System.Text.Json's messages, which name .NET types, in terms of the configuration's fields.
    /// </summary>
    private static string Describe(Type type, string path, JsonException exception)
    {
        var schema = ConfigurationSchema.For(type);
        var unknown = UnknownPropertyPattern().Match(exception.Message);
        if (unknown.Success)
        {
            int lastDot = path.LastIndexOf('.');
            var known = schema.FieldsAt(lastDot < 0 ? string.Empty : path[..lastDot]) ?? [];
            return $"Unknown field '{unknown.Groups[1].Value}'; the fields here are {string.Join(", ", known.Select(f => f.Name))}.";
        }

        if (exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            && schema.Find(path) is { } field)
        {
            return $"{field.Label} must be {Expected(field)}.";
        }

        // Malformed JSON: keep the parser's description without the .NET path suffix.
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
