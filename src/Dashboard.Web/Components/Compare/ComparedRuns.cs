using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Storage;

namespace Dashboard.Web.Components.Compare;

/// <summary>Loads the runs a comparison link names.</summary>
public static class ComparedRuns
{
    /// <summary>
    /// Returns the stored runs among <paramref name="runIds"/>, each at its position in the list (which sets
    /// its colour), and the ids that name no run.
    /// </summary>
    public static (IReadOnlyList<ComparedRun> Runs, IReadOnlyList<string> Missing) Load(
        IReadOnlyList<string> runIds, IRunStore store, ExperimentCatalog catalog)
    {
        var runs = new List<ComparedRun>();
        var missing = new List<string>();
        for (int position = 0; position < runIds.Count; position++)
        {
            if (store.Find(runIds[position]) is { } record)
            {
                runs.Add(new ComparedRun(position, record, Configuration(record, catalog)));
            }
            else
            {
                missing.Add(runIds[position]);
            }
        }

        return (runs, missing);
    }

    /// <summary>
    /// Flattens the run's kind and configuration with every default filled in: the stored JSON read into the kind's type
    /// and written again, so a field a run was launched without still shows its value. A run of a kind this
    /// build does not know shows its stored JSON as it is.
    /// </summary>
    private static IReadOnlyList<ConfigurationValue> Configuration(RunRecord record, ExperimentCatalog catalog)
    {
        string json = record.ConfigurationJson;
        if (catalog.Find(record.Kind) is not null)
        {
            try
            {
                json = ConfigurationJson.Serialize(catalog.ReadConfiguration(record));
            }
            catch (InvalidOperationException)
            {
                // An unreadable configuration is compared as stored.
            }
        }

        var kind = new ConfigurationValue("kind", record.Kind, null);
        try
        {
            return [kind, .. ConfigurationPaths.Flatten(json)];
        }
        catch (JsonException)
        {
            return [kind, new ConfigurationValue("configuration", "unreadable JSON", null)];
        }
    }
}
