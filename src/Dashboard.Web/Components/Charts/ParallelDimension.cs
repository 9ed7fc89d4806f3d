namespace Dashboard.Web.Components.Charts;

/// <summary>
/// One vertical axis of a parallel-coordinates chart. A numeric axis runs from the rows' minimum (bottom) to
/// their maximum (top); a categorical axis spaces its <see cref="Categories"/> evenly, first at the bottom.
/// </summary>
/// <param name="Key">Key of the rows' values on this axis.</param>
/// <param name="Label">Axis title.</param>
/// <param name="Categories">The axis's values in order for a categorical axis, or null for a numeric one.</param>
/// <param name="Format">Formats the min and max labels of a numeric axis; null uses up to four significant digits.</param>
public sealed record ParallelDimension(
    string Key,
    string Label,
    IReadOnlyList<string>? Categories = null,
    Func<double, string>? Format = null)
{
    public bool IsCategorical => Categories is not null;
}

/// <summary>One line of a parallel-coordinates chart: its name, colour and its value per dimension key.</summary>
public sealed record ParallelRow(string Label, string Color, IReadOnlyDictionary<string, ParallelValue> Values);

/// <summary>A row's value on one axis: a number for a numeric axis, or a category name for a categorical one.</summary>
public readonly record struct ParallelValue(double? Number, string? Category)
{
    public static ParallelValue Of(double number) => new(number, null);

    public static ParallelValue Of(string category) => new(null, category);
}
