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

    public virtual IReadOnlyList<string> ComparisonMeasures => [HeadlineMeasure];

    public virtual string? ComparisonLabel(string measureKey) => null;

    public virtual string? DefaultGroupField => null;

    public virtual TConfiguration CreateDefault() => new();

    object IExperimentKind.CreateDefaultConfiguration() => CreateDefault();

    public IReadOnlyList<FieldError> Validate(object configuration)
    {
        var typed = Cast(configuration);
        var errors = ConfigurationValidator.Validate(typed);
        errors.AddRange(ValidateRules(typed));
        return errors;
    }

    /// <summary>
    /// Validates the configuration again and trains. Callers normally validate through
    /// <see cref="ExperimentCatalog"/>; checking here stops a stored or hand-built configuration before it
    /// fails deep inside training with a less helpful message.
    /// </summary>
    /// <exception cref="RunFailedException">The configuration is invalid.</exception>
    public RunSummary Run(object configuration, IRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var typed = Cast(configuration);
        var errors = Validate(typed);
        if (errors.Count > 0)
        {
            string details = string.Join("; ", errors.Select(error => $"{error.Path}: {error.Message}"));
            throw new RunFailedException($"The {DisplayName} configuration is invalid: {details}");
        }

        return Execute(typed, context);
    }

    /// <summary>Trains one run with a configuration that passed validation; see <see cref="IExperimentKind.Run"/>.</summary>
    protected abstract RunSummary Execute(TConfiguration configuration, IRunContext context);

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
