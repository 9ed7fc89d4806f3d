using System.Text.Json;
using Dashboard.Core.Protocol;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>JSON settings matching the API's: web defaults, enums as strings, named floating-point literals.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RunsHubContract.ConfigureJson(options);
        return options;
    }
}
