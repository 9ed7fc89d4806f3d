namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>Paths in the repository that contains this test build, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Dashboard.sln";

    /// <summary>Repository root: the nearest folder above the test assembly that contains Dashboard.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Script that installs, publishes and tests the dashboard.</summary>
    public static string DeployScript => Path.Combine(Root, "deploy", "dashboard.sh");

    /// <summary>Folder for screenshots the browser tests save; artifacts/ is ignored by git.</summary>
    public static string ScreenshotDirectory => Path.Combine(Root, "artifacts", "test-screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}; run the tests from a build inside the repository.");
    }
}
