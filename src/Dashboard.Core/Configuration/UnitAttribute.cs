namespace Dashboard.Core.Configuration;

/// <summary>Unit of a numeric configuration field, shown beside its input (for example "epochs" or "images").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnitAttribute(string unit) : Attribute
{
    public string Unit { get; } = unit;
}
