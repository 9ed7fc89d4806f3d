using System.Reflection;

namespace Dashboard.Web.Components.Results;

/// <summary>
/// Finds the result view of each experiment kind among this assembly's components marked with
/// <see cref="ExperimentResultViewAttribute"/>; kinds without one get <see cref="GenericResultView"/>.
/// </summary>
public sealed class ResultViewRegistry
{
    private readonly Dictionary<string, Type> _views = typeof(ResultViewRegistry).Assembly
        .GetTypes()
        .Select(type => (Type: type, Attribute: type.GetCustomAttribute<ExperimentResultViewAttribute>()))
        .Where(entry => entry.Attribute is not null)
        .ToDictionary(entry => entry.Attribute!.Kind, entry => entry.Type, StringComparer.Ordinal);

    public Type Find(string kind) => _views.GetValueOrDefault(kind, typeof(GenericResultView));
}
