using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>Colours and type of the dashboard; system fonts only, so pages make no requests to other hosts.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#b5523b",
            AppbarBackground = "#1f3b4d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
