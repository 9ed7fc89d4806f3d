using System.Text;
using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Sweeps;
using Dashboard.Web.Compute;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads a launch request body: <c>{"kind": "...", "name": "...", "preset": "...", "configuration": {...}}</c>,
/// and for a study group also <c>"vary": {"field": "defence.kind", "values": ["none", "badLoss"]}</c> or a
/// <c>"sweep"</c> object (see <see cref="SweepDefinitionJson"/>).
/// The configuration object is kept as raw JSON so that its errors can be reported with field paths.
/// </summary>
internal sealed record LaunchBody(LaunchRequest? Request, string? Error, bool TooLarge = false)
{
    private static readonly HashSet<string> KnownProperties = ["kind", "name", "preset", "configuration"];

    /// <summary>The varied field and its values, read when the body is a group launch.</summary>
    public (string Field, IReadOnlyList<string> Values)? Vary { get; init; }

    /// <summary>The sweep, read when the body is a group launch with <c>"sweep"</c> instead of <c>"vary"</c>.</summary>
    public SweepDefinition? Sweep { get; init; }

    /// <summary>Errors of the sweep object, each with its path under <c>sweep.</c>.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    public GroupLaunchRequest? GroupRequest => (Request, Vary, Sweep) switch
    {
        ({ } request, _, { } sweep) => new GroupLaunchRequest(request.Kind, request.Name, request.Preset, request.ConfigurationJson, null, []) { Sweep = sweep },
        ({ } request, { } vary, _) => new GroupLaunchRequest(request.Kind, request.Name, request.Preset, request.ConfigurationJson, vary.Field, vary.Values),
        _ => null,
    };

    public static async Task<LaunchBody> ReadAsync(HttpRequest request, int maxBytes, bool group = false)
    {
        if (request.ContentLength > maxBytes)
        {
            return new LaunchBody(null, $"The request body is {request.ContentLength} bytes; the limit is {maxBytes}.", TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return new LaunchBody(null, $"The request body exceeds the limit of {maxBytes} bytes.", TooLarge: true);
            }
        }

        return Parse(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), group);
    }

    public static LaunchBody Parse(string text, bool group = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            return new LaunchBody(null, $"The body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new LaunchBody(null, "The body must be a JSON object with a \"kind\" and optionally \"name\", \"preset\" and \"configuration\".");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!KnownProperties.Contains(property.Name) && !(group && property.Name is "vary" or "sweep"))
                {
                    string allowed = group ? "kind, name, preset, configuration, and vary or sweep" : "kind, name, preset and configuration";
                    return new LaunchBody(null, $"Unknown property \"{property.Name}\"; allowed are {allowed}.");
                }
            }

            string? kind = ReadString(root, "kind", out string? kindError);
            string? name = ReadString(root, "name", out string? nameError);
            string? preset = ReadString(root, "preset", out string? presetError);
            if ((kindError ?? nameError ?? presetError) is { } error)
            {
                return new LaunchBody(null, error);
            }

            string? configuration = null;
            if (root.TryGetProperty("configuration", out var configurationElement) && configurationElement.ValueKind != JsonValueKind.Null)
            {
                if (configurationElement.ValueKind != JsonValueKind.Object)
                {
                    return new LaunchBody(null, "\"configuration\" must be a JSON object.");
                }

                configuration = configurationElement.GetRawText();
            }

            var launch = new LaunchRequest(kind, name, preset, configuration);
            if (!group)
            {
                return new LaunchBody(launch, null);
            }

            bool hasSweep = root.TryGetProperty("sweep", out var sweepElement);
            if (hasSweep && root.TryGetProperty("vary", out _))
            {
                return new LaunchBody(null, "Give either \"vary\" or \"sweep\", not both; a vary is a one-field grid sweep.");
            }

            if (hasSweep)
            {
                var sweep = SweepDefinitionJson.Read(sweepElement, out var sweepErrors);
                return sweep is null
                    ? new LaunchBody(null, null) { FieldErrors = sweepErrors }
                    : new LaunchBody(launch, null) { Sweep = sweep };
            }

            return ReadVary(root) is { } vary
                ? new LaunchBody(launch, null) { Vary = vary }
                : new LaunchBody(null, "A group launch needs \"vary\": {\"field\": \"<choice field path>\", \"values\": [\"<value>\", ...]} "
                    + "or \"sweep\": {\"method\": \"grid\", \"parameters\": {...}}.");
        }
    }

    private static string? ReadString(JsonElement root, string property, out string? error)
    {
        error = null;
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"\"{property}\" must be a string.";
            return null;
        }

        return element.GetString();
    }

    private static (string Field, IReadOnlyList<string> Values)? ReadVary(JsonElement root)
    {
        if (!root.TryGetProperty("vary", out var vary) || vary.ValueKind != JsonValueKind.Object
            || !vary.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String
            || !vary.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array
            || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return (field.GetString()!, [.. values.EnumerateArray().Select(v => v.GetString()!)]);
    }
}
