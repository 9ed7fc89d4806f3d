namespace Dashboard.Web.Components.Results;

/// <summary>
/// Marks a component that the run page shows while a run of an experiment kind is queued or running, before
/// its result view. The component receives the run's <c>RunId</c> and updates itself, for example from artifacts
/// the run saves part-way through.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExperimentLiveViewAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
