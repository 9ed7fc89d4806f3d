using System.Text.Json.Nodes;

namespace Dashboard.Cli.Configuration;

/// <summary>Merges configuration objects deeply. Nested objects merge field by field, and every other value, lists included, replaces the target's.</summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject overlayChild && target[key] is JsonObject targetChild)
            {
                Into(targetChild, overlayChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
