using System.Globalization;
using System.Text.Json;

namespace Dashboard.Web.Components.Compare;

/// <summary>
/// Flattens a configuration's JSON into one value per leaf, keyed by its path: <c>epochs</c>,
/// <c>defence.kind</c>, <c>attacks[0].poisonRatio</c>. An empty object or list is a leaf shown as
/// <c>{}</c> or <c>[]</c>, so that its presence still counts in a comparison.
/// </summary>
public static class ConfigurationPaths
{
    public static IReadOnlyList<ConfigurationValue> Flatten(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        using var document = JsonDocument.Parse(json);
        var values = new List<ConfigurationValue>();
        Collect(document.RootElement, string.Empty, values);
        return values;
    }

    private static void Collect(JsonElement element, string path, List<ConfigurationValue> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Any():
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                }

                break;

            case JsonValueKind.Array when element.GetArrayLength() > 0:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{index}]", values);
                    index++;
                }

                break;

            default:
                values.Add(Leaf(element, path));
                break;
        }
    }

    private static ConfigurationValue Leaf(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Number => new ConfigurationValue(path, element.GetRawText(), element.GetDouble()),
        JsonValueKind.String => new ConfigurationValue(path, element.GetString() ?? "", null),
        JsonValueKind.True or JsonValueKind.False => new ConfigurationValue(path, element.GetBoolean() ? "true" : "false", null),
        JsonValueKind.Object => new ConfigurationValue(path, "{}", null),
        JsonValueKind.Array => new ConfigurationValue(path, "[]", null),
        _ => new ConfigurationValue(path, "null", null),
    };
}

/// <summary>One leaf of a flattened configuration: its path, its text as shown, and its value when it is a JSON number.</summary>
public sealed record ConfigurationValue(string Path, string Text, double? Number)
{
    public override string ToString() => Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : Text;
}
