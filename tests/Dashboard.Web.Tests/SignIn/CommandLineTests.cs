using System.Diagnostics;
using Dashboard.Storage;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.SignIn;

/// <summary>The built dashboard executable: start-up refusal on a network address, and the users command.</summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(1);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dashboard-signin-").FullName;

    private string DatabasePath => Path.Combine(_dataDirectory, "dashboard.db");

    [Fact]
    public async Task StartFailsOnNetworkWithoutUsers()
    {
        var result = await RunAsync(["--urls=http://0.0.0.0:0"], input: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no user exists", result.Error);
        Assert.Contains(SignInStartupCheck.AddUserCommand, result.Error);
        Assert.DoesNotContain("Now listening on", result.Output);
    }

    [Fact]
    public async Task UsersAddCreatesUserWithHashedPassword()
    {
        var add = await RunAsync(["users", "add", "--name", "alice", "--role", "admin", "--password-stdin"], input: "s3cret-passphrase");
        var list = await RunAsync(["users", "list"], input: null);

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("alice\tadmin", list.Output);
        var user = ReadUser("alice");
        Assert.Equal(UserRole.Admin, user.Role);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<DashboardUser>().VerifyHashedPassword(user, user.PasswordHash, "s3cret-passphrase"));
    }

    [Fact]
    public async Task UsersAddRejectsShortPassword()
    {
        var add = await RunAsync(["users", "add", "--name", "bob", "--role", "viewer", "--password-stdin"], input: "short");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("password must be", add.Error);
    }

    [Fact]
    public async Task UsersAddRejectsUnknownRole()
    {
        var add = await RunAsync(["users", "add", "--name", "bob", "--role", "owner", "--password-stdin"], input: "long enough password");

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("Unknown role 'owner'", add.Error);
    }

    [Fact]
    public async Task UsersAddFailsWhileServerRuns()
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory);

        var add = await RunAsync(["users", "add", "--name", "carol", "--role", "viewer", "--password-stdin"], input: "long enough password");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("open in another process", add.Error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private DashboardUser ReadUser(string name)
    {
        using var storage = new LiteDbStorage(new StorageOptions { DatabasePath = DatabasePath, ArtifactsPath = Path.Combine(_dataDirectory, "artifacts") }, NullLogger<LiteDbStorage>.Instance);
        return new LiteDbUserStore(storage).Find(name)!;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyList<string> arguments, string? input)
    {
        var startInfo = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Dashboard.Web"))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dataDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment["Storage__DatabasePath"] = DatabasePath;
        startInfo.Environment["Storage__ArtifactsPath"] = Path.Combine(_dataDirectory, "artifacts");

        using var process = Process.Start(startInfo)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Dashboard.Web {string.Join(' ', arguments)} did not exit within {ExitTimeout.TotalSeconds:F0} s: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
