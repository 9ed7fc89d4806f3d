using Dashboard.Core.Sweeps;

namespace Dashboard.Core.Runs;

/// <summary>
/// Runs launched together from one configuration, differing only in one choice field, such as one attack
/// configuration trained against several defences. The group page compares their summaries side by side.
/// </summary>
public sealed class RunGroup
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Experiment kind shared by every member.</summary>
    public required string Kind { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>JSON path of the field that differs between members, for example <c>defence.kind</c>.</summary>
    public required string VariedField { get; init; }

    /// <summary>Label of <see cref="VariedField"/> as the launch form shows it, for example "Defence".</summary>
    public required string VariedFieldLabel { get; init; }

    public List<RunGroupMember> Members { get; init; } = [];

    /// <summary>The sweep the group was launched from, or null for a group that varies one choice field.</summary>
    public SweepDefinition? Sweep { get; init; }

    /// <summary>Largest number of the group's runs that may train at once, or null for no limit of the group's own.</summary>
    public int? MaxConcurrentRuns => Sweep?.MaxConcurrent;

    /// <summary>Labels the user attached to the group, each trimmed and unique (compared case-insensitively).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The user's Markdown notes on the group, shown sanitised; null when there are none.</summary>
    public string? Notes { get; set; }
}

/// <summary>
/// One run of a group, with the value of the varied field as its JSON value and display label.
/// <paramref name="Deleted"/> is true once the run was deleted; the member stays so the group keeps its rows.
/// </summary>
public sealed record RunGroupMember(string RunId, string Value, string Label, bool Deleted = false)
{
    /// <summary>The member's value of each swept field, for a member of a sweep; empty otherwise.</summary>
    public IReadOnlyList<SweptValue> Parameters { get; init; } = [];

    // Compares the parameters by content; a record compares a list property by reference.
    public bool Equals(RunGroupMember? other) =>
        other is not null && RunId == other.RunId && Value == other.Value && Label == other.Label
            && Deleted == other.Deleted && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(RunId, Value, Label, Deleted, Parameters.Count);
}
