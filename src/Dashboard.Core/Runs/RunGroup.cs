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

    /// <summary>Labels the user attached to the group, each trimmed and unique (compared case-insensitively).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The user's Markdown notes on the group, shown sanitised; null when there are none.</summary>
    public string? Notes { get; set; }
}

/// <summary>
/// One run of a group, with the value of the varied field as its JSON value and display label.
/// <paramref name="Deleted"/> is true once the run was deleted; the member stays so the group keeps its rows.
/// </summary>
public sealed record RunGroupMember(string RunId, string Value, string Label, bool Deleted = false);
