using System.Reflection;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Configuration;

/// <summary>
/// Metadata of one configuration property, read from its attributes: what a generated form shows and
/// what the shared validation checks.
/// </summary>
public sealed class ConfigurationField
{
    /// <summary>Property name in JSON (camel case), also the last segment of error paths.</summary>
    public required string Name { get; init; }

    public required string Label { get; init; }

    public string? Description { get; init; }

    public string? Unit { get; init; }

    /// <summary>Section of the form the field belongs to.</summary>
    public string? Group { get; init; }

    public int Order { get; init; }

    public required FieldType Type { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public bool MinimumIsExclusive { get; init; }

    public bool MaximumIsExclusive { get; init; }

    /// <summary>True when the declared range is only a cap and the real limit depends on other fields.</summary>
    public bool RangeDependsOnOtherFields { get; init; }

    /// <summary>Smallest and largest item count of a list field.</summary>
    public int? MinimumItems { get; init; }

    public int? MaximumItems { get; init; }

    public IReadOnlyList<FieldChoice> Choices { get; init; } = [];

    /// <summary>Fields of an object field, or of each item of a list field.</summary>
    public IReadOnlyList<ConfigurationField> Fields { get; init; } = [];

    [JsonIgnore]
    public required PropertyInfo Property { get; init; }

    /// <summary>
    /// The sibling field this field depends on, with the values for which it applies, or null when it always applies.
    /// See <see cref="AppliesWhenAttribute"/>.
    /// </summary>
    public FieldCondition? AppliesWhen { get; init; }

    /// <summary>CLR type of a list field's items, or of an object field.</summary>
    [JsonIgnore]
    public Type? ItemType { get; init; }

    public object? GetValue(object owner) => Property.GetValue(owner);

    /// <summary>Returns whether the field matters for <paramref name="owner"/>, the object that contains it.</summary>
    public bool AppliesTo(object owner) => AppliesWhen?.IsMet(owner) ?? true;

    public void SetValue(object owner, object? value) => Property.SetValue(owner, value);

    /// <summary>Describes the allowed range in words, for example "between 0 (exclusive) and 1".</summary>
    public string? DescribeRange()
    {
        if (Minimum is null && Maximum is null)
        {
            return null;
        }

        string lower = string.Empty;
        if (Minimum is { } min)
        {
            lower = MinimumIsExclusive ? $"{FormatBound(min)} (exclusive)" : FormatBound(min);
        }

        string upper = string.Empty;
        if (Maximum is { } max)
        {
            upper = MaximumIsExclusive ? $"{FormatBound(max)} (exclusive)" : FormatBound(max);
        }

        if (Minimum is not null && Maximum is not null)
        {
            return $"between {lower} and {upper}";
        }

        return Minimum is not null
            ? (MinimumIsExclusive ? $"greater than {FormatBound(Minimum.Value)}" : $"at least {lower}")
            : (MaximumIsExclusive ? $"less than {FormatBound(Maximum!.Value)}" : $"at most {upper}");
    }

    private static string FormatBound(double value) =>
        value.ToString(Math.Abs(value) >= 1e6 ? "N0" : "G", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A sibling field and the values for which a dependent field applies.</summary>
public sealed class FieldCondition
{
    /// <summary>JSON name of the sibling field.</summary>
    public required string Field { get; init; }

    /// <summary>The sibling's values, in their JSON form, for which the dependent field applies.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    [JsonIgnore]
    public required PropertyInfo Property { get; init; }

    [JsonIgnore]
    public required IReadOnlyList<object> ClrValues { get; init; }

    public bool IsMet(object owner) => ClrValues.Contains(Property.GetValue(owner));
}
