using Dashboard.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Refuses to serve a network without users. <see cref="Failure"/> runs before the server listens, on the
/// configured addresses. Once the server listens, the actual addresses are checked again, because code-configured
/// Kestrel endpoints do not appear in the configuration.
/// </summary>
public sealed class SignInStartupCheck(
    SignInMode mode,
    IUserStore users,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<SignInStartupCheck> logger) : IHostedService
{
    /// <summary>Command that adds the first admin, as printed in the refusal.</summary>
    public const string AddUserCommand = "deploy/dashboard.sh add-user NAME admin";

    /// <summary>
    /// Returns the message to print and stop with when <c>Authentication:RequireSignIn</c> is invalid or the server
    /// would listen on a non-loopback address with no user, else null.
    /// </summary>
    public static string? Failure(IServiceProvider services)
    {
        SignInMode mode;
        try
        {
            mode = services.GetRequiredService<SignInMode>();
        }
        catch (OptionsValidationException exception)
        {
            return exception.Message;
        }

        if (mode.NonLoopbackAddresses.Count == 0 || mode.Setting == false || services.GetRequiredService<IUserStore>().Count() > 0)
        {
            return null;
        }

        return Message(mode.NonLoopbackAddresses);
    }

    public static string Message(IEnumerable<string> addresses) =>
        $"Cannot listen on {string.Join(", ", addresses)}: sign-in is required on a non-loopback address and no user exists. "
        + $"Add the first admin with `{AddUserCommand}` (or `Dashboard.Web users add --name NAME --role admin` "
        + "next to a published build), then start again. To serve only this machine, bind to http://127.0.0.1:PORT.";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(CheckListeningAddresses);
        if (mode.Required)
        {
            int count = users.Count();
            if (count == 0)
            {
                // Forced sign-in on loopback still starts, because tests add users through the running server's store.
                logger.LogWarning(
                    "Sign-in is required on this server, but no user exists. Add the first admin with `{Command}` and restart",
                    AddUserCommand);
            }
            else
            {
                logger.LogInformation("Sign-in is required on this server; {UserCount} users exist", count);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void CheckListeningAddresses()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!mode.RequireForAddresses(addresses))
        {
            return;
        }

        logger.LogWarning("The server listens on {Addresses}, which are not loopback; sign-in is now required", string.Join(", ", mode.NonLoopbackAddresses));
        if (users.Count() == 0)
        {
            logger.LogCritical("{Message}", Message(mode.NonLoopbackAddresses));
            lifetime.StopApplication();
        }
    }
}
