using Dashboard.Cli.Api;

namespace Dashboard.Cli.Commands;

/// <summary>Requests for experiment kinds and presets. A 404 carries the server's message, which lists the known ids.</summary>
internal static class KindRequests
{
    public static Task<KindView> GetKindAsync(DashboardClient client, string kind, CancellationToken cancellationToken) =>
        client.GetAsync<KindView>($"api/v1/kinds/{Uri.EscapeDataString(kind)}", cancellationToken);

    public static Task<PresetView> GetPresetAsync(DashboardClient client, string kind, string preset, CancellationToken cancellationToken) =>
        client.GetAsync<PresetView>($"api/v1/kinds/{Uri.EscapeDataString(kind)}/presets/{Uri.EscapeDataString(preset)}", cancellationToken);
}
