using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dashboard.Cli.Configuration;

/// <summary>
/// Writes JSON nodes as block-style YAML that <see cref="YamlJson.Parse"/> reads back to the same JSON: a string
/// that would read as another type (such as <c>"3"</c> or <c>"true"</c>) is quoted.
/// </summary>
internal static class YamlWriter
{
    public static string Write(JsonNode? node)
    {
        var document = new YamlDocument(ToYaml(node));
        var stream = new YamlStream(document);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);

        // YamlStream ends every document with the explicit end marker "...", which a file meant for editing does not need.
        string text = writer.ToString().TrimEnd();
        if (text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^3].TrimEnd();
        }

        return text + Environment.NewLine;
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => Scalar("null", ScalarStyle.Plain),
        JsonObject obj => new YamlMappingNode(obj.Select(p => new KeyValuePair<YamlNode, YamlNode>(StringScalar(p.Key), ToYaml(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        JsonValue value => ValueScalar(value),
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}.", nameof(node)),
    };

    private static YamlScalarNode ValueScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => StringScalar(value.GetValue<string>()),
        JsonValueKind.True => Scalar("true", ScalarStyle.Plain),
        JsonValueKind.False => Scalar("false", ScalarStyle.Plain),
        JsonValueKind.Number => Scalar(value.ToJsonString(), ScalarStyle.Plain),
        _ => Scalar("null", ScalarStyle.Plain),
    };

    private static YamlScalarNode StringScalar(string text)
    {
        bool readsAsString = YamlJson.ResolvePlainScalar(text) is JsonValue resolved
            && resolved.GetValueKind() == JsonValueKind.String;
        bool safePlain = readsAsString && text.Length > 0 && text.Trim() == text
            && text.IndexOfAny([':', '#', '\n', '\'', '"', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`']) < 0
            && text[0] is not ('-' or '?');
        return Scalar(text, safePlain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted);
    }

    private static YamlScalarNode Scalar(string text, ScalarStyle style) => new(text) { Style = style };
}
