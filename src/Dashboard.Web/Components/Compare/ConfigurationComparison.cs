namespace Dashboard.Web.Components.Compare;

/// <summary>
/// The configurations of compared runs side by side: one row per path that any run has, in the order the
/// paths first appear, with each run's value or null where the run has no such path.
/// </summary>
public sealed class ConfigurationComparison
{
    private ConfigurationComparison(IReadOnlyList<ConfigurationRow> rows) => Rows = rows;

    public IReadOnlyList<ConfigurationRow> Rows { get; }

    /// <summary>Rows whose values are not the same in every run; a path missing from some runs differs.</summary>
    public IEnumerable<ConfigurationRow> DifferingRows => Rows.Where(row => row.Differs);

    /// <summary>Compares flattened configurations, one per run, in the order of the runs.</summary>
    public static ConfigurationComparison Of(IReadOnlyList<IReadOnlyList<ConfigurationValue>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);

        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byRun = new List<Dictionary<string, ConfigurationValue>>();
        foreach (var values in runs)
        {
            var lookup = new Dictionary<string, ConfigurationValue>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                if (lookup.TryAdd(value.Path, value) && seen.Add(value.Path))
                {
                    paths.Add(value.Path);
                }
            }

            byRun.Add(lookup);
        }

        return new ConfigurationComparison(
            [.. paths.Select(path => new ConfigurationRow(path, [.. byRun.Select(run => run.GetValueOrDefault(path))]))]);
    }
}

/// <summary>One configuration path and each compared run's value, null where a run lacks it.</summary>
public sealed record ConfigurationRow(string Path, IReadOnlyList<ConfigurationValue?> Values)
{
    public bool Differs => Values.Select(value => value?.Text).Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>True when every run that has this path has a JSON number there.</summary>
    public bool IsNumeric => Values.Any(value => value is not null) && Values.All(value => value is null || value.Number is not null);
}
