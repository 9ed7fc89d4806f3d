using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Cli.Configuration;

/// <summary>
/// A launch file: <c>{kind, name, preset, configuration: {...}}</c> in JSON or YAML, the shape of the dashboard's
/// launch request and of its "Download configuration" file. The format comes from the extension (<c>.json</c>,
/// <c>.yaml</c>, <c>.yml</c>). Other files are read as JSON when they start with <c>{</c>, else as YAML.
/// </summary>
internal sealed record LaunchDocument(string? Kind, string? Name, string? Preset, JsonObject? Configuration)
{
    private static readonly string[] KnownProperties = ["kind", "name", "preset", "configuration"];

    public static LaunchDocument Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliException.InvalidInput($"Cannot read the launch file {path}: {exception.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a launch file; <paramref name="source"/> names it in error messages and chooses the format.</summary>
    public static LaunchDocument Parse(string text, string source)
    {
        bool json = IsJson(text, source);
        JsonNode? root;
        try
        {
            root = json
                ? JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                : YamlJson.Parse(text);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw CliException.InvalidInput($"{source} is not valid {(json ? "JSON" : "YAML")}: {exception.Message}");
        }

        if (root is not JsonObject obj)
        {
            throw CliException.InvalidInput($"{source} must contain an object with \"kind\" and \"configuration\". Run `labdash defaults KIND` to print one to start from.");
        }

        var unknown = obj.Select(p => p.Key).Where(key => !KnownProperties.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw CliException.InvalidInput(
                $"{source} has unknown top-level field(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}. Allowed are kind, name, preset and configuration. "
                + "Put experiment settings under 'configuration'.");
        }

        var configuration = obj["configuration"];
        if (configuration is not null and not JsonObject)
        {
            throw CliException.InvalidInput($"{source}: 'configuration' must be an object of settings.");
        }

        return new LaunchDocument(
            ReadString(obj, "kind", source),
            ReadString(obj, "name", source),
            ReadString(obj, "preset", source),
            (JsonObject?)configuration?.DeepClone());
    }

    private static bool IsJson(string text, string source)
    {
        string extension = Path.GetExtension(source).ToLowerInvariant();
        return extension switch
        {
            ".json" => true,
            ".yaml" or ".yml" => false,
            _ => text.TrimStart().StartsWith('{'),
        };
    }

    private static string? ReadString(JsonObject obj, string property, string source) => obj[property] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw CliException.InvalidInput($"{source}: '{property}' must be text."),
    };
}
