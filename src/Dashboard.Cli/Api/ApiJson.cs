using System.Text.Json;
using Dashboard.Core.Protocol;

namespace Dashboard.Cli.Api;

/// <summary>JSON settings matching the dashboard's API: web defaults, enums as strings, NaN and infinities as strings.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Indented output for <c>--json</c> and configuration files.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RunsHubContract.ConfigureJson(options);
        return options;
    }
}
