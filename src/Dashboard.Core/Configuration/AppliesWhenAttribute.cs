namespace Dashboard.Core.Configuration;

/// <summary>
/// Marks a configuration field that only matters while a sibling field of the same object has one of the given
/// values, for example settings of one defence. Forms and configuration tables hide the field otherwise, but its
/// value is still stored and validated.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AppliesWhenAttribute(string siblingProperty, params object[] values) : Attribute
{
    /// <summary>C# name of the sibling property, for example <c>nameof(Kind)</c>.</summary>
    public string SiblingProperty { get; } = siblingProperty;

    public IReadOnlyList<object> Values { get; } = values;
}
