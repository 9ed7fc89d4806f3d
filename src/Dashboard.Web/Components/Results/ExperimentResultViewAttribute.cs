namespace Dashboard.Web.Components.Results;

/// <summary>
/// Marks a component as the result view of an experiment kind. The component receives the run's
/// <c>Summary</c> (<see cref="Core.Runs.RunSummary"/>), typed <c>Configuration</c> and <c>RunId</c> as parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExperimentResultViewAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
