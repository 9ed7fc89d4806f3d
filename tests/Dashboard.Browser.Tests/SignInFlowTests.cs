using System.Diagnostics;
using System.Text.RegularExpressions;
using Dashboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// Sign-in through the browser on a server with sign-in forced. A page redirects to the sign-in form, and a wrong
/// password shows an error. The right one opens the runs page with the user named in the bar, and signing out
/// leads back to the form. A share link created by a signed-in user opens interactively in a browser that
/// never signed in.
/// </summary>
public sealed partial class SignInFlowTests : IAsyncLifetime
{
    private const string UserName = "alice";
    private const string Password = "a long test password";

    private DashboardProcess? _server;
    private ChromiumBrowser? _browser;

    private DashboardProcess Server => _server!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)ChromiumBrowser.ActionTimeout.TotalMilliseconds);
        string executable = Path.Combine(AppContext.BaseDirectory, "Dashboard.Web");
        _server = await DashboardProcess.StartAsync(executable, ["--Authentication:RequireSignIn=true"], folder => AddUserAsync(executable, folder));
        _browser = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _server?.Dispose();
    }

    [Fact]
    public async Task SignInRejectsWrongPasswordThenOpensRuns()
    {
        var page = await _browser!.NewPageAsync();
        await using var context = page.Context;

        await page.GotoAsync(new Uri(Server.BaseAddress, "runs").ToString());
        await Server.ExpectAsync(page, "a redirect from /runs to the sign-in page", () => Expect(page).ToHaveURLAsync(SignInUrl()));

        await SubmitAsync(page, "not the password");
        await Server.ExpectAsync(page, "the wrong-password error #signin-error", () => Expect(page.Locator("#signin-error")).ToBeVisibleAsync());

        await SubmitAsync(page, Password);
        await Server.ExpectAsync(page, "the runs page after signing in", () => Expect(page).ToHaveURLAsync(RunsUrl()));
        await Server.ExpectAsync(page, "the signed-in user in the app bar",
            () => Expect(page.Locator("#signed-in-user")).ToContainTextAsync($"{UserName} (researcher)"));
        await Server.ExpectAsync(page, "the New run button for a researcher", () => Expect(page.Locator("#new-run")).ToBeVisibleAsync());

        await page.Locator("#sign-out").ClickAsync();
        await Server.ExpectAsync(page, "the sign-in page after signing out", () => Expect(page).ToHaveURLAsync(SignedOutUrl()));
        await page.GotoAsync(new Uri(Server.BaseAddress, "runs").ToString());
        await Server.ExpectAsync(page, "a redirect to sign-in once signed out", () => Expect(page).ToHaveURLAsync(SignInUrl()));
    }

    [Fact]
    public async Task SharedLinkOpensWithoutSignIn()
    {
        var page = await _browser!.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync(new Uri(Server.BaseAddress, "signin").ToString());
        await SubmitAsync(page, Password);
        await Server.ExpectAsync(page, "the runs page after signing in", () => Expect(page).ToHaveURLAsync(RunsUrl()));

        // The page's request context sends the sign-in cookie, as the browser's own calls do.
        var launch = await page.APIRequest.PostAsync(new Uri(Server.BaseAddress, "api/v1/runs").ToString(), new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = $$"""{"kind":"backdoor","name":"shared while signed in","configuration":{{TestConfigurations.Quick}}}""",
        });
        Assert.True(launch.Status == 201, Server.Describe($"POST api/v1/runs with the sign-in cookie to return 201; it returned {launch.Status}"));
        string runId = (await launch.JsonAsync())!.Value.GetProperty("id").GetString()!;
        var share = await page.APIRequest.PostAsync(new Uri(Server.BaseAddress, "api/v1/shares").ToString(), new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = $$"""{"scope":"run","ids":["{{runId}}"]}""",
        });
        string link = (await share.JsonAsync())!.Value.GetProperty("url").GetString()!;

        var anonymous = await _browser.NewPageAsync();
        await using var anonymousContext = anonymous.Context;
        var response = await anonymous.GotoInteractiveAsync(new Uri(link), Server);

        Assert.True(response.Status == 200, Server.Describe($"GET {link} without sign-in to return 200; it returned {response.Status}"));
        await Server.ExpectAsync(anonymous, "the shared run's name on the page", () => Expect(anonymous.Locator("#run-name")).ToHaveTextAsync("shared while signed in"));
    }

    private static async Task SubmitAsync(IPage page, string password)
    {
        await page.Locator("#signin-name").FillAsync(UserName);
        await page.Locator("#signin-password").FillAsync(password);
        await page.Locator("#signin-submit").ClickAsync();
    }

    /// <summary>Adds the test user with the users command of the dashboard executable, before the server opens the database.</summary>
    private static async Task AddUserAsync(string executable, string dataDirectory)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (string argument in new[] { "users", "add", "--name", UserName, "--role", "researcher", "--password-stdin" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Storage__DatabasePath"] = Path.Combine(dataDirectory, "dashboard.db");
        startInfo.Environment["Storage__ArtifactsPath"] = Path.Combine(dataDirectory, "artifacts");
        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteLineAsync(Password);
        process.StandardInput.Close();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, $"users add exited with {process.ExitCode}: {error}");
    }

    [GeneratedRegex("/signin\\?ReturnUrl=")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("/signin$")]
    private static partial Regex SignedOutUrl();

    [GeneratedRegex("/runs$")]
    private static partial Regex RunsUrl();
}
