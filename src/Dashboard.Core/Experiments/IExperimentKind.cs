using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Experiments;

/// <summary>
/// One study the dashboard can run. A kind declares its configuration type (with defaults, presets and
/// validation), the charts and headline measure of its run page, and trains a run through an
/// <see cref="IRunContext"/>. Derive from <see cref="ExperimentKind{TConfiguration}"/> rather than
/// implementing this directly.
/// </summary>
public interface IExperimentKind
{
    /// <summary>Stable identifier stored with every run, for example <c>backdoor</c>.</summary>
    string Id { get; }

    string DisplayName { get; }

    /// <summary>One paragraph for the launch page, citing the paper by title and arXiv id.</summary>
    string Description { get; }

    Type ConfigurationType { get; }

    /// <summary>Key of the summary measure shown in run tables, for example <c>average_asr</c>.</summary>
    string HeadlineMeasure { get; }

    string HeadlineLabel { get; }

    IReadOnlyList<ExperimentPreset> Presets { get; }

    IReadOnlyList<ChartSpec> Charts { get; }

    /// <summary>
    /// Summary measures a study group's table compares, as keys or prefixes ending in <c>*</c>, in column order.
    /// </summary>
    IReadOnlyList<string> ComparisonMeasures { get; }

    /// <summary>
    /// Returns the column heading of a compared measure when its runs label it differently (for example a
    /// defence's score named after the defence), or null to use the measure's own label.
    /// </summary>
    string? ComparisonLabel(string measureKey);

    /// <summary>JSON path of the choice field a study group varies by default, or null for the first one.</summary>
    string? DefaultGroupField { get; }

    object CreateDefaultConfiguration();

    /// <summary>Checks declared ranges and the kind's own cross-field rules. An empty list means valid.</summary>
    IReadOnlyList<FieldError> Validate(object configuration);

    /// <summary>
    /// Trains one run synchronously on the calling thread and returns its summary. Throws
    /// <see cref="OperationCanceledException"/> when <see cref="IRunContext.CancellationToken"/> fires,
    /// and <see cref="RunFailedException"/> for failures whose message is meant for the user.
    /// </summary>
    RunSummary Run(object configuration, IRunContext context);
}
