using System.Text.Json.Nodes;

namespace Dashboard.Cli.Configuration;

/// <summary>Deep merge of configuration objects: nested objects merge field by field, every other value (lists included) replaces.</summary>
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
