namespace Dashboard.Core.Configuration;

/// <summary>
/// Marks a numeric field whose declared <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>
/// is only an outer cap, because the real limit depends on other fields (such as the dataset's class count)
/// and the experiment kind's rules check it. Forms then do not show the cap as the allowed range.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DependentRangeAttribute : Attribute;
