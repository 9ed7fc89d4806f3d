using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Experiments;

/// <summary>
/// All experiment kinds known to this build, and the one place that turns a launch request's JSON into a
/// validated, typed configuration. The web form, the HTTP API and the worker all go through it.
/// </summary>
public sealed class ExperimentCatalog
{
    private readonly Dictionary<string, IExperimentKind> _byId;

    public ExperimentCatalog(IEnumerable<IExperimentKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);

        Kinds = kinds.OrderBy(k => k.DisplayName, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, IExperimentKind>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            if (!_byId.TryAdd(kind.Id, kind))
            {
                throw new InvalidOperationException($"Two experiment kinds use the id '{kind.Id}'.");
            }
        }
    }

    public IReadOnlyList<IExperimentKind> Kinds { get; }

    public IExperimentKind? Find(string? id) => id is not null && _byId.TryGetValue(id, out var kind) ? kind : null;

    /// <summary>
    /// Reads and validates a configuration for <paramref name="kindId"/>. A null or empty
    /// <paramref name="configurationJson"/> means the kind's defaults.
    /// </summary>
    public ConfigurationResult Parse(string? kindId, string? configurationJson)
    {
        var kind = Find(kindId);
        if (kind is null)
        {
            string known = string.Join(", ", Kinds.Select(k => k.Id));
            return ConfigurationResult.Invalid(new FieldError("kind", $"Unknown experiment kind '{kindId}'; known kinds are {known}."));
        }

        object configuration;
        if (string.IsNullOrWhiteSpace(configurationJson))
        {
            configuration = kind.CreateDefaultConfiguration();
        }
        else
        {
            var parsed = ConfigurationJson.Deserialize(kind.ConfigurationType, configurationJson, out var jsonErrors);
            if (parsed is null)
            {
                return ConfigurationResult.Invalid([.. jsonErrors.Select(Prefix)]);
            }

            configuration = parsed;
        }

        var validation = kind.Validate(configuration);
        return validation.Count > 0
            ? ConfigurationResult.Invalid([.. validation.Select(Prefix)])
            : ConfigurationResult.Valid(kind, configuration);
    }

    /// <summary>Reads a stored run's configuration back into its typed object.</summary>
    public object ReadConfiguration(RunRecord run)
    {
        var kind = Find(run.Kind) ?? throw new InvalidOperationException($"Run {run.Id} has unknown experiment kind '{run.Kind}'.");
        return ConfigurationJson.Deserialize(kind.ConfigurationType, run.ConfigurationJson, out var errors)
            ?? throw new InvalidOperationException($"Run {run.Id} has an unreadable configuration: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    private static FieldError Prefix(FieldError error) =>
        error with { Path = error.Path.Length == 0 ? "configuration" : $"configuration.{error.Path}" };
}

/// <summary>Outcome of <see cref="ExperimentCatalog.Parse"/>: a kind and typed configuration, or field errors.</summary>
public sealed record ConfigurationResult(IExperimentKind? Kind, object? Configuration, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ConfigurationResult Valid(IExperimentKind kind, object configuration) => new(kind, configuration, []);

    public static ConfigurationResult Invalid(params FieldError[] errors) => new(null, null, errors);
}
