using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;

namespace Dashboard.Web.Compute;

/// <summary>
/// A request to start a run. <see cref="ConfigurationJson"/> wins over <see cref="Preset"/>; with neither,
/// the kind's defaults are used.
/// </summary>
public sealed record LaunchRequest(string? Kind, string? Name, string? Preset, string? ConfigurationJson)
{
    /// <summary>Name of the signed-in user who launches the run, stored as its owner; null without sign-in.</summary>
    public string? Owner { get; init; }
}

/// <summary>Outcome of a launch: the queued run, or why it was rejected.</summary>
public sealed record LaunchResult(RunRecord? Run, IReadOnlyList<FieldError> Errors, string? Rejection)
{
    public bool Succeeded => Run is not null;

    public static LaunchResult Queued(RunRecord run) => new(run, [], null);

    public static LaunchResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, null);

    public static LaunchResult Rejected(string reason) => new(null, [], reason);
}
