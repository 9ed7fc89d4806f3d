using System.Reflection;

namespace Dashboard.Web.Components.Results;

/// <summary>
/// Finds the result view of each experiment kind among this assembly's components marked with
/// <see cref="ExperimentResultViewAttribute"/>; kinds without one get <see cref="GenericResultView"/>. Also finds
/// the optional live view of each kind, marked with <see cref="ExperimentLiveViewAttribute"/>.
/// </summary>
public sealed class ResultViewRegistry
{
    private readonly Dictionary<string, Type> _views = typeof(ResultViewRegistry).Assembly
        .GetTypes()
        .Select(type => (Type: type, Attribute: type.GetCustomAttribute<ExperimentResultViewAttribute>()))
        .Where(entry => entry.Attribute is not null)
        .ToDictionary(entry => entry.Attribute!.Kind, entry => entry.Type, StringComparer.Ordinal);

    private readonly Dictionary<string, Type> _liveViews = typeof(ResultViewRegistry).Assembly
        .GetTypes()
        .Select(type => (Type: type, Attribute: type.GetCustomAttribute<ExperimentLiveViewAttribute>()))
        .Where(entry => entry.Attribute is not null)
        .ToDictionary(entry => entry.Attribute!.Kind, entry => entry.Type, StringComparer.Ordinal);

    public Type Find(string kind) => _views.GetValueOrDefault(kind, typeof(GenericResultView));

    /// <summary>Returns the component to show while a run of <paramref name="kind"/> trains, or null if the kind has none.</summary>
    public Type? FindLive(string kind) => _liveViews.GetValueOrDefault(kind);
}
