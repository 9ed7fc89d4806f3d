using System.Text.Json;

namespace Dashboard.Core.Sweeps;

/// <summary>
/// One swept configuration field: either an explicit list of <see cref="Values"/>, or a numeric range from
/// <see cref="Min"/> to <see cref="Max"/>. A grid divides a range into <see cref="Count"/> values or steps
/// of <see cref="Step"/>; random search samples it.
/// </summary>
public sealed record SweepParameter
{
    /// <summary>JSON path of the field, for example <c>learningRate</c> or <c>defence.kind</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The values to try as JSON values (strings for choices, numbers, booleans), or null for a range.</summary>
    public IReadOnlyList<JsonElement>? Values { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Distance between grid values of a linear range.</summary>
    public double? Step { get; init; }

    /// <summary>Number of grid values of a range, both ends included.</summary>
    public int? Count { get; init; }

    public SweepScale Scale { get; init; } = SweepScale.Linear;

    public bool IsRange => Values is null;
}
