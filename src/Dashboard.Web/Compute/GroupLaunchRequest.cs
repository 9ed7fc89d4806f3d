using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;

namespace Dashboard.Web.Compute;

/// <summary>
/// A request to launch a study group: one run per value of the choice field at <see cref="VariedField"/>,
/// or one run per trial of <see cref="Sweep"/> when it is set, all sharing the rest of the configuration.
/// </summary>
public sealed record GroupLaunchRequest(
    string? Kind,
    string? Name,
    string? Preset,
    string? ConfigurationJson,
    string? VariedField,
    IReadOnlyList<string> Values)
{
    /// <summary>Name of the signed-in user who launches the group, stored as the owner of every run in it; null without sign-in.</summary>
    public string? Owner { get; init; }

    /// <summary>The sweep to expand; when set, <see cref="VariedField"/> and <see cref="Values"/> are not used.</summary>
    public SweepDefinition? Sweep { get; init; }
}

/// <summary>Outcome of a group launch: the group and its queued runs, or why it was rejected.</summary>
public sealed record GroupLaunchResult(RunGroup? Group, IReadOnlyList<RunRecord> Runs, IReadOnlyList<FieldError> Errors, string? Rejection)
{
    public bool Succeeded => Group is not null;

    public static GroupLaunchResult Invalid(IReadOnlyList<FieldError> errors) => new(null, [], errors, null);

    public static GroupLaunchResult Rejected(string reason) => new(null, [], [], reason);
}
