namespace Dashboard.Core.Experiments;

/// <summary>
/// Implemented by experiment kinds whose choices depend on the server, such as datasets that are only
/// offered when their folder exists. The launch form disables an unavailable choice and shows the reason.
/// </summary>
public interface IChoiceAvailability
{
    /// <summary>
    /// Returns why <paramref name="choiceValue"/> of the field at <paramref name="fieldPath"/> cannot be used
    /// on a server with <paramref name="environment"/>, or null when it can.
    /// </summary>
    string? UnavailableReason(string fieldPath, string choiceValue, RunEnvironment environment);
}
