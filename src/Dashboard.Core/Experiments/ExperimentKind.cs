using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Experiments;

/// <summary>Typed base class for experiment kinds.</summary>
public abstract class ExperimentKind<TConfiguration> : IExperimentKind
    where TConfiguration : class, new()
{
    public abstract string Id { get; }

    public abstract string DisplayName { get; }

    public abstract string Description { get; }

    public abstract string HeadlineMeasure { get; }

    public abstract string HeadlineLabel { get; }

    public Type ConfigurationType => typeof(TConfiguration);

    public virtual IReadOnlyList<ExperimentPreset> Presets => [];

    public virtual IReadOnlyList<ChartSpec> Charts => [];

    public virtual TConfiguration CreateDefault() => new();

    object IExperimentKind.CreateDefaultConfiguration() => CreateDefault();

    public IReadOnlyList<FieldError> Validate(object configuration)
    {
        var typed = Cast(configuration);
        var errors = ConfigurationValidator.Validate(typed);
        errors.AddRange(ValidateRules(typed));
        return errors;
    }

    public RunSummary Run(object configuration, IRunContext context) => Run(Cast(configuration), context);

    public abstract RunSummary Run(TConfiguration configuration, IRunContext context);

    /// <summary>Rules that involve several fields or outside facts (such as a dataset's size).</summary>
    protected virtual IEnumerable<FieldError> ValidateRules(TConfiguration configuration) => [];

    /// <summary>Creates a preset whose configuration is built fresh each time it is applied.</summary>
    protected static ExperimentPreset Preset(string id, string name, string description, Func<TConfiguration> create) =>
        new(id, name, description, () => create());

    private static TConfiguration Cast(object configuration) =>
        configuration as TConfiguration
        ?? throw new ArgumentException(
            $"Expected a {typeof(TConfiguration).Name} configuration but got {configuration?.GetType().Name ?? "null"}.",
            nameof(configuration));
}
