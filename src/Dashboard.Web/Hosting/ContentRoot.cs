namespace Dashboard.Web.Hosting;

/// <summary>
/// Chooses the content root, which contains appsettings.json and wwwroot/. A published build carries both
/// next to its executable. A build run from source has neither beside it and uses the repository root,
/// so the top-level appsettings.json and wwwroot/ are the real settings file and static-file root, not copies.
/// </summary>
public static class ContentRoot
{
    private const string SolutionFile = "Dashboard.sln";
    private const string SettingsFile = "appsettings.json";

    /// <summary>Returns host options with the content root set, unless the command line sets one itself.</summary>
    public static WebApplicationOptions CreateOptions(string[] args)
    {
        bool explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 };
        string? root = explicitRoot ? null : Find(AppContext.BaseDirectory);

        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = root,
            WebRootPath = root is null ? null : Path.Combine(root, "wwwroot"),
        };
    }

    /// <summary>Returns the folder to use as content root for an application in <paramref name="baseDirectory"/>, or null.</summary>
    public static string? Find(string baseDirectory)
    {
        if (File.Exists(Path.Combine(baseDirectory, SettingsFile)))
        {
            return baseDirectory;
        }

        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)) && File.Exists(Path.Combine(directory.FullName, SettingsFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
