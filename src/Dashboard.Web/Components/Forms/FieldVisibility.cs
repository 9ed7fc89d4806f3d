using Dashboard.Core.Configuration;

namespace Dashboard.Web.Components.Forms;

/// <summary>
/// Decides whether a form shows a field that applies only for some values of a sibling. A study group varies a
/// choice field, so a field is also shown when one of the group's values meets its condition. For example, a group
/// that compares no defence with BaDLoss shows the BaDLoss settings.
/// </summary>
public static class FieldVisibility
{
    /// <param name="field">The field to show or hide.</param>
    /// <param name="owner">The object that contains the field.</param>
    /// <param name="ownerPath">JSON path of <paramref name="owner"/>, empty for the configuration itself.</param>
    /// <param name="variedValues">Values each varied field path takes in the group being launched, or null.</param>
    public static bool IsShown(
        ConfigurationField field, object owner, string ownerPath, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? variedValues)
    {
        if (field.AppliesTo(owner))
        {
            return true;
        }

        var condition = field.AppliesWhen!;
        string siblingPath = ownerPath.Length == 0 ? condition.Field : $"{ownerPath}.{condition.Field}";
        return variedValues is not null
            && variedValues.TryGetValue(siblingPath, out var values)
            && values.Any(condition.Values.Contains);
    }
}
