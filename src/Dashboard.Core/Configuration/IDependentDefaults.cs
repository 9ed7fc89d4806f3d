namespace Dashboard.Core.Configuration;

/// <summary>
/// A configuration object with a field whose sensible default depends on another field, such as a trigger
/// strength that depends on the attack type. Editors call <see cref="OnFieldChanged"/> after they change a
/// field, so the object can move the dependent field to its new default.
/// </summary>
public interface IDependentDefaults
{
    /// <summary>Adjusts dependent fields after <paramref name="fieldName"/> (its JSON name) changed from <paramref name="previousValue"/>.</summary>
    void OnFieldChanged(string fieldName, object? previousValue);
}
