using System.Text.Json.Nodes;
using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>One run of a sweep: the value of every swept field.</summary>
public sealed record SweepTrial(IReadOnlyList<SweptValue> Values, string Label)
{
    /// <summary>Short key of the trial's values, such as <c>learningRate=0.001,optimizer="sgd"</c>.</summary>
    public string Key => string.Join(",", Values.Select(value => $"{value.Path}={value.Json}"));

    /// <summary>
    /// Returns a copy of <paramref name="configuration"/> with the trial's values written into it, or the
    /// errors (with configuration field paths) when a value does not fit the configuration type.
    /// </summary>
    public object? Apply(object configuration, out List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var root = JsonNode.Parse(ConfigurationJson.Serialize(configuration))!.AsObject();
        errors = [];
        foreach (var value in Values)
        {
            string[] segments = value.Path.Split('.');
            var owner = root;
            for (int i = 0; i < segments.Length - 1 && owner is not null; i++)
            {
                owner = owner[segments[i]] as JsonObject;
            }

            if (owner is null)
            {
                errors.Add(new FieldError(value.Path, $"'{value.Path}' cannot be set because an object on its path is null in the configuration."));
                continue;
            }

            owner[segments[^1]] = JsonNode.Parse(value.Json);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return ConfigurationJson.Deserialize(configuration.GetType(), root.ToJsonString(), out errors);
    }
}
