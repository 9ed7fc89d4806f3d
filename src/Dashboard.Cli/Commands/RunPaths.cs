namespace Dashboard.Cli.Commands;

/// <summary>API paths of one run, with the id escaped so that any typed text stays one path segment.</summary>
internal static class RunPaths
{
    public static string Run(string id) => $"api/v1/runs/{Uri.EscapeDataString(id)}";

    public static string Action(string id, string action) => $"{Run(id)}/{action}";
}
