using Dashboard.Cli.Api;

namespace Dashboard.Cli.Commands;

/// <summary>Requests for experiment kinds and presets, with not-found messages that name the kind or preset.</summary>
internal static class KindRequests
{
    public static async Task<KindView> GetKindAsync(DashboardClient client, string kind, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<KindView>($"api/v1/kinds/{Uri.EscapeDataString(kind)}", cancellationToken);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.NotFound)
        {
            throw new CliException(ExitCodes.NotFound, $"The server has no experiment kind '{kind}'. `labdash kinds` lists them.");
        }
    }

    public static async Task<PresetView> GetPresetAsync(DashboardClient client, string kind, string preset, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<PresetView>(
                $"api/v1/kinds/{Uri.EscapeDataString(kind)}/presets/{Uri.EscapeDataString(preset)}", cancellationToken);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.NotFound)
        {
            throw new CliException(ExitCodes.NotFound, $"The kind '{kind}' has no preset '{preset}'. `labdash presets {kind}` lists them.");
        }
    }
}
