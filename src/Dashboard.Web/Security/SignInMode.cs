using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Whether this server requires sign-in, decided at start-up from <see cref="SignInOptions.RequireSignIn"/> and the
/// configured listen addresses. <see cref="RequireForAddresses"/> turns it on later if the server turns out to
/// listen on a non-loopback address that the configuration did not show.
/// </summary>
public sealed class SignInMode
{
    private volatile bool _required;

    public SignInMode(IOptions<SignInOptions> options, IConfiguration configuration)
    {
        string setting = options.Value.RequireSignIn?.Trim() ?? "auto";
        Setting = setting.ToLowerInvariant() switch
        {
            "auto" or "" => null,
            "true" => true,
            "false" => false,
            _ => throw new OptionsValidationException(
                SignInOptions.Section,
                typeof(SignInOptions),
                [$"{SignInOptions.Section}:RequireSignIn is '{setting}'; use auto, true or false."]),
        };
        NonLoopbackAddresses = [.. ListenAddresses.Configured(configuration).Where(url => !ListenAddresses.IsLoopback(url))];
        _required = Setting ?? NonLoopbackAddresses.Count > 0;
    }

    /// <summary>The explicit setting, or null for <c>auto</c>.</summary>
    public bool? Setting { get; }

    /// <summary>Configured listen addresses that are not loopback.</summary>
    public IReadOnlyList<string> NonLoopbackAddresses { get; private set; }

    public bool Required => _required;

    /// <summary>
    /// Turns sign-in on when <paramref name="addresses"/> (the addresses the server actually listens on)
    /// include a non-loopback one and the setting is <c>auto</c>. Returns whether that changed the mode.
    /// </summary>
    public bool RequireForAddresses(IEnumerable<string> addresses)
    {
        var outside = addresses.Where(url => !ListenAddresses.IsLoopback(url)).ToList();
        if (_required || Setting is not null || outside.Count == 0)
        {
            return false;
        }

        NonLoopbackAddresses = outside;
        _required = true;
        return true;
    }
}
