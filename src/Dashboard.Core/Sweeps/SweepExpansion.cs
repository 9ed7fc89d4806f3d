using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>The trials a sweep definition expands to, or the errors that stop it from expanding.</summary>
public sealed record SweepExpansion(IReadOnlyList<SweepTrial> Trials, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static SweepExpansion Invalid(IReadOnlyList<FieldError> errors) => new([], errors);
}
