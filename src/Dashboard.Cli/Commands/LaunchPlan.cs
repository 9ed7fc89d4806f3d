using System.Text.Json.Nodes;
using Dashboard.Cli.Api;
using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Commands;

/// <summary>
/// Builds a launch request body from a launch file and command-line options. The server ignores a preset when a
/// configuration is sent, so a preset combined with file settings or <c>--set</c> is fetched here, and the file's
/// configuration and the overrides are merged over it in that order.
/// </summary>
internal static class LaunchPlan
{
    public static async Task<JsonObject> BuildAsync(
        DashboardClient client,
        LaunchDocument? file,
        string? kindOption,
        string? nameOption,
        string? presetOption,
        IReadOnlyList<ConfigurationOverride> overrides,
        CancellationToken cancellationToken)
    {
        string kind = kindOption ?? file?.Kind
            ?? throw CliException.InvalidInput("The experiment kind is missing. Put 'kind' in the file or pass --kind, and run `labdash kinds` to list the kinds.");
        string? name = nameOption ?? file?.Name;
        string? preset = presetOption ?? file?.Preset;
        var fileConfiguration = file?.Configuration;

        var body = new JsonObject { ["kind"] = kind };
        if (name is not null)
        {
            body["name"] = name;
        }

        if (preset is not null && fileConfiguration is null && overrides.Count == 0)
        {
            body["preset"] = preset;
            return body;
        }

        var configuration = new JsonObject();
        if (preset is not null)
        {
            var presetView = await KindRequests.GetPresetAsync(client, kind, preset, cancellationToken);
            JsonMerge.Into(configuration, presetView.Configuration ?? []);
        }

        if (fileConfiguration is not null)
        {
            JsonMerge.Into(configuration, fileConfiguration);
        }

        foreach (var change in overrides)
        {
            change.Apply(configuration);
        }

        // An empty configuration means the kind's defaults, which the server fills in when none is sent.
        if (configuration.Count > 0)
        {
            body["configuration"] = configuration;
        }

        return body;
    }
}
