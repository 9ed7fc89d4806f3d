using Dashboard.Storage;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Security;

/// <summary>
/// <c>Dashboard.Web users add --name NAME --role ROLE [--password-stdin]</c> and <c>Dashboard.Web users list</c>:
/// user management without a browser, for the first admin. It opens the database named by the usual settings
/// (appsettings.json, <c>Storage__DatabasePath</c>). It fails while a server has the database open, because
/// only one process may open it; with the server running, admins use the Users page or <c>/api/v1/users</c>.
/// </summary>
public static class UsersCommand
{
    public const string Verb = "users";

    public const string Usage =
        "Usage: Dashboard.Web users add --name NAME --role viewer|researcher|admin [--password-stdin] [--SECTION:KEY=VALUE...]\n"
        + "       Dashboard.Web users list [--SECTION:KEY=VALUE...]\n"
        + "Without --password-stdin the password is prompted for twice; with it, the first line of standard input is the password.\n"
        + "Settings such as --Storage:DatabasePath=/srv/lab/dashboard.db select the same database as the server.";

    public static bool IsUsersInvocation(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs the command; returns 0 on success, 1 when it fails and 2 for invalid arguments.</summary>
    public static int Run(string[] args) => Run(args, Console.In, Console.Out, Console.Error, ReadHiddenLine);

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, Func<string, string?> prompt)
    {
        string? action = args.Length > 1 ? args[1] : null;
        if (action is not ("add" or "list"))
        {
            error.WriteLine(action is null ? "Missing action." : $"Unknown action '{action}'.");
            error.WriteLine(Usage);
            return 2;
        }

        string? name = null;
        string? roleText = null;
        bool passwordFromInput = false;
        var settings = new List<string>();
        for (int i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    roleText = args[++i];
                    break;
                case "--password-stdin":
                    passwordFromInput = true;
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':') && setting.Contains('='):
                    settings.Add(setting);
                    break;
                default:
                    error.WriteLine($"Unknown or incomplete option '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        using var services = OpenStorage([.. settings]);
        UserAccounts accounts;
        try
        {
            accounts = services.GetRequiredService<UserAccounts>();
        }
        catch (StorageUnavailableException exception)
        {
            error.WriteLine(exception.Message);
            return 1;
        }

        if (action == "list")
        {
            foreach (var user in accounts.List())
            {
                output.WriteLine($"{user.Name}\t{DashboardRoles.Name(user.Role)}\t{user.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
            }

            return 0;
        }

        if (name is null || !DashboardRoles.TryParse(roleText, out var role))
        {
            error.WriteLine(name is null ? "Missing --name." : $"Unknown role '{roleText}'; use viewer, researcher or admin.");
            error.WriteLine(Usage);
            return 2;
        }

        if (UserAccounts.ValidateName(name) is { } nameError)
        {
            error.WriteLine(nameError);
            return 2;
        }

        string? password = passwordFromInput || Console.IsInputRedirected ? input.ReadLine() : PromptTwice(prompt, error);
        if (accounts.Create(name, role, password) is { } createError)
        {
            error.WriteLine(createError);
            return 1;
        }

        output.WriteLine($"Added {name} with the {DashboardRoles.Name(role)} role.");
        return 0;
    }

    private static ServiceProvider OpenStorage(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(ContentRoot.CreateOptions(settings));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton<UserAccounts>();
        return services.BuildServiceProvider();
    }

    private static string? PromptTwice(Func<string, string?> prompt, TextWriter error)
    {
        string? first = prompt("Password: ");
        string? second = prompt("Repeat password: ");
        if (first != second)
        {
            error.WriteLine("The passwords differ.");
            return null;
        }

        return first;
    }

    private static string? ReadHiddenLine(string label)
    {
        Console.Error.Write(label);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
