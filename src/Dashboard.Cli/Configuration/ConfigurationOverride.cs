using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Cli.Configuration;

/// <summary>
/// One <c>--set key=value</c> option: a dotted path into the configuration (<c>defence.kind</c>, with
/// <c>attacks[0].targetClass</c> or <c>attacks.0.targetClass</c> for list items) and a value. The value is read
/// as JSON when it parses (<c>3</c>, <c>true</c>, <c>null</c>, <c>"3"</c>, <c>[1,2]</c>), otherwise it is a string.
/// </summary>
internal sealed record ConfigurationOverride(string Text, IReadOnlyList<PathSegment> Path, JsonNode? Value)
{
    /// <summary>Parses <c>key=value</c>. Throws a <see cref="CliException"/> naming the option when it is malformed.</summary>
    public static ConfigurationOverride Parse(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw CliException.InvalidInput($"--set '{text}' has no '='. Write --set key=value, for example --set epochs=3.");
        }

        string key = text[..equals].Trim();
        string value = text[(equals + 1)..];
        var path = ParsePath(key, text);
        return new ConfigurationOverride(text, path, ParseValue(value));
    }

    /// <summary>Reads a value as JSON when it parses, otherwise as a string.</summary>
    public static JsonNode? ParseValue(string value)
    {
        try
        {
            return JsonNode.Parse(value, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>
    /// Sets the value in <paramref name="configuration"/>, creating missing objects on the way. A list item must
    /// already exist: an index past the end of a list is an error, since the server cannot guess the other items.
    /// </summary>
    public void Apply(JsonObject configuration)
    {
        JsonNode current = configuration;
        for (int i = 0; i < Path.Count; i++)
        {
            var segment = Path[i];
            bool last = i == Path.Count - 1;
            current = last ? SetLast(current, segment) : Descend(current, segment, Path[i + 1]);
        }
    }

    private JsonNode Descend(JsonNode current, PathSegment segment, PathSegment next)
    {
        if (segment.Index is { } index)
        {
            var array = AsArray(current, segment);
            return array[index] ?? throw Invalid($"{Describe(segment)} is null. Set the whole item instead");
        }

        var obj = AsObject(current, segment);
        if (obj[segment.Name!] is { } child)
        {
            return child;
        }

        if (next.Index is not null)
        {
            throw Invalid($"the configuration has no list '{segment.Name}' to index. Put the list in the file, or set the whole list as JSON");
        }

        var created = new JsonObject();
        obj[segment.Name!] = created;
        return created;
    }

    private JsonNode SetLast(JsonNode current, PathSegment segment)
    {
        if (segment.Index is { } index)
        {
            var array = AsArray(current, segment);
            array[index] = Value?.DeepClone();
            return array;
        }

        var obj = AsObject(current, segment);
        obj[segment.Name!] = Value?.DeepClone();
        return obj;
    }

    private JsonArray AsArray(JsonNode node, PathSegment segment)
    {
        if (node is not JsonArray array)
        {
            throw Invalid($"item [{segment.Index}] needs a list, but the configuration has {Kind(node)} there");
        }

        if (segment.Index >= array.Count)
        {
            throw Invalid($"the list has {array.Count} item(s), so [{segment.Index}] does not exist");
        }

        return array;
    }

    private JsonObject AsObject(JsonNode node, PathSegment segment) =>
        node as JsonObject ?? throw Invalid($"'{segment.Name}' needs an object, but the configuration has {Kind(node)} there");

    private CliException Invalid(string reason) => CliException.InvalidInput($"--set '{Text}': {reason}.");

    private static string Describe(PathSegment segment) => segment.Index is { } index ? $"[{index}]" : segment.Name!;

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a single value",
    };

    private static List<PathSegment> ParsePath(string key, string text)
    {
        if (key.Length == 0)
        {
            throw CliException.InvalidInput($"--set '{text}' has no field name before '='. Write --set key=value.");
        }

        var segments = new List<PathSegment>();
        foreach (string part in key.Split('.'))
        {
            if (part.Length == 0)
            {
                throw CliException.InvalidInput($"--set '{text}': the field path '{key}' has an empty part. Separate names with single dots.");
            }

            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                segments.Add(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int position) && segments.Count > 0
                    ? PathSegment.Item(position)
                    : PathSegment.Property(name));
            }

            if (bracket >= 0)
            {
                segments.AddRange(ParseIndexes(part[bracket..], key, text));
            }
        }

        if (segments.Count == 0 || segments[0].Index is not null)
        {
            throw CliException.InvalidInput($"--set '{text}': the field path '{key}' must start with a field name.");
        }

        return segments;
    }

    private static IEnumerable<PathSegment> ParseIndexes(string brackets, string key, string text)
    {
        var indexes = new List<PathSegment>();
        int position = 0;
        while (position < brackets.Length)
        {
            int close = brackets.IndexOf(']', position);
            bool valid = brackets[position] == '[' && close > position + 1
                && int.TryParse(brackets.AsSpan(position + 1, close - position - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (!valid)
            {
                throw CliException.InvalidInput($"--set '{text}': '{key}' has a malformed list index. Write name[0].field.");
            }

            indexes.Add(PathSegment.Item(int.Parse(brackets.AsSpan(position + 1, close - position - 1), CultureInfo.InvariantCulture)));
            position = close + 1;
        }

        return indexes;
    }
}

/// <summary>One step of a <c>--set</c> path: an object property or a list index.</summary>
internal sealed record PathSegment(string? Name, int? Index)
{
    public static PathSegment Property(string name) => new(name, null);

    public static PathSegment Item(int index) => new(null, index);
}
