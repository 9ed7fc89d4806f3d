using System.Diagnostics;
using Dashboard.Browser.Tests.Infrastructure;

namespace Dashboard.Browser.Tests;

/// <summary>
/// A published build of the dashboard, started from its own folder. The folder is DASHBOARD_PUBLISH_DIR when
/// set, which `deploy/dashboard.sh test` does after publishing once. Without it, this fixture publishes into a
/// temporary folder with `deploy/dashboard.sh publish`, once per test run, and deletes the folder afterwards.
/// </summary>
public sealed class PublishedBuildFixture : IAsyncLifetime
{
    public const string PublishDirectoryVariable = "DASHBOARD_PUBLISH_DIR";

    /// <summary>Time allowed for a publish: a restore and a Release build from clean on two cores, with margin.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    private string? _temporaryPublishDirectory;
    private DashboardProcess? _server;

    public string PublishDirectory { get; private set; } = "";

    public DashboardProcess Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        string? configured = Environment.GetEnvironmentVariable(PublishDirectoryVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            _temporaryPublishDirectory = Directory.CreateTempSubdirectory("dashboard-publish-").FullName;
            await PublishAsync(_temporaryPublishDirectory);
            PublishDirectory = _temporaryPublishDirectory;
        }
        else
        {
            PublishDirectory = Path.GetFullPath(configured);
        }

        string executable = Path.Combine(PublishDirectory, "Dashboard.Web");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"{executable} is missing; {PublishDirectoryVariable}={configured} must name a folder made by 'deploy/dashboard.sh publish DIR'.");
        }

        _server = await DashboardProcess.StartAsync(executable);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        if (_temporaryPublishDirectory is not null)
        {
            Directory.Delete(_temporaryPublishDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static async Task PublishAsync(string directory)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.DeployScript);
        startInfo.ArgumentList.Add("publish");
        startInfo.ArgumentList.Add(directory);

        var log = new LogTail(80);
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AddLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => AddLine(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'{RepositoryPaths.DeployScript} publish {directory}' did not finish within {PublishTimeout.TotalMinutes:F0} min. Last output:{Environment.NewLine}{log.Text()}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{RepositoryPaths.DeployScript} publish {directory}' failed with exit code {process.ExitCode}. Last output:{Environment.NewLine}{log.Text()}");
        }
    }

    private static void AddLine(LogTail log, string? line)
    {
        if (line is not null)
        {
            log.Add(line);
        }
    }
}

/// <summary>Tests that share one published build and its running server.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedBuildCollection : ICollectionFixture<PublishedBuildFixture>
{
    public const string Name = "Published build";
}
