namespace Dashboard.Core.Sweeps;

/// <summary>
/// A hyper-parameter sweep: the swept fields and how trials are picked from them. A grid runs every
/// combination; random search runs <see cref="Trials"/> draws from a generator seeded with <see cref="Seed"/>,
/// so the same definition always expands to the same trials.
/// </summary>
public sealed record SweepDefinition
{
    /// <summary>Largest number of runs one sweep may create.</summary>
    public const int MaxRuns = 500;

    public SweepMethod Method { get; init; } = SweepMethod.Grid;

    /// <summary>The swept fields, in the order the request lists them; a grid varies the last one fastest.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>Number of random-search trials; not used by a grid.</summary>
    public int? Trials { get; init; }

    /// <summary>Seed of the random-search generator; not used by a grid.</summary>
    public int? Seed { get; init; }

    /// <summary>Largest number of the sweep's runs that may train at once, or null for no limit of its own.</summary>
    public int? MaxConcurrent { get; init; }
}
