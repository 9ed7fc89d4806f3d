using System.CommandLine;
using Dashboard.Cli.Api;

namespace Dashboard.Cli;

/// <summary>Options accepted by every command: the server, the access token and JSON output.</summary>
internal sealed class GlobalOptions
{
    public const string ServerVariable = "LABDASH_SERVER";

    public const string TokenVariable = "LABDASH_TOKEN";

    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string> Server { get; } = new("--server")
    {
        Description = $"Dashboard address, for example http://127.0.0.1:5080. Default: ${ServerVariable}, else {DefaultServer}.",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"Access token, sent as 'Authorization: Bearer' and as the live connection's access token. Default: ${TokenVariable}.",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables (kinds, presets, list, show, launch --detach).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Server, Token, Json];

    /// <summary>Resolves the server address: the option, then the environment variable, then the default.</summary>
    public Uri ServerAddress(ParseResult result)
    {
        string text = result.GetValue(Server) is { Length: > 0 } option
            ? option
            : Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } variable ? variable : DefaultServer;

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.InvalidInput($"The server address '{text}' is not an http:// or https:// URL. Pass one, for example --server http://127.0.0.1:5080.");
        }

        // A trailing slash makes relative API paths resolve under a server mounted below the host root.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public string? AccessToken(ParseResult result) =>
        result.GetValue(Token) is { Length: > 0 } option
            ? option
            : Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } variable ? variable : null;

    public DashboardClient CreateClient(ParseResult result) => new(ServerAddress(result), AccessToken(result));
}
