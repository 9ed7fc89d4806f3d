using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>
/// The fields a sweep can vary: number, integer, choice and boolean fields reachable from the root through
/// object fields. Fields inside lists are excluded because a list item has no fixed path.
/// </summary>
public static class SweepFields
{
    public static IReadOnlyList<(string Path, ConfigurationField Field)> All(ConfigurationSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);

        var found = new List<(string, ConfigurationField)>();
        Collect(schema.Fields, string.Empty, found);
        return found;
    }

    /// <summary>Returns the sweepable field at <paramref name="path"/>, or null with the reason it cannot be swept.</summary>
    public static ConfigurationField? Find(ConfigurationSchema schema, string path, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(schema);

        reason = null;
        if (path.Contains('[', StringComparison.Ordinal))
        {
            reason = $"'{path}' is inside a list; sweeps vary only fields outside lists.";
            return null;
        }

        IReadOnlyList<ConfigurationField> level = schema.Fields;
        string[] segments = path.Split('.');
        for (int i = 0; i < segments.Length; i++)
        {
            var field = level.FirstOrDefault(f => f.Name == segments[i]);
            if (field is null)
            {
                reason = $"'{path}' is not a field of {schema.Type.Name}; sweepable fields are {string.Join(", ", All(schema).Select(f => f.Path))}.";
                return null;
            }

            bool last = i == segments.Length - 1;
            if (!last && field.Type != FieldType.Object)
            {
                reason = $"'{string.Join('.', segments[..(i + 1)])}' is a {Describe(field.Type)} field and has no field '{segments[i + 1]}'.";
                return null;
            }

            if (last && !IsSweepable(field.Type))
            {
                reason = $"'{path}' is a {Describe(field.Type)} field; sweeps vary only number, integer, choice and boolean fields.";
                return null;
            }

            if (last)
            {
                return field;
            }

            level = field.Fields;
        }

        reason = "The field path is empty.";
        return null;
    }

    /// <summary>
    /// Returns whether the field at <paramref name="path"/> matters in <paramref name="configuration"/>: false when its
    /// own or an enclosing object's <see cref="AppliesWhenAttribute"/> condition is not met. Unknown paths return true.
    /// </summary>
    public static bool Applies(ConfigurationSchema schema, object configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(configuration);

        object? owner = configuration;
        IReadOnlyList<ConfigurationField> level = schema.Fields;
        foreach (string segment in path.Split('.'))
        {
            var field = level.FirstOrDefault(f => f.Name == segment);
            if (field is null || owner is null)
            {
                return true;
            }

            if (!field.AppliesTo(owner))
            {
                return false;
            }

            owner = field.GetValue(owner);
            level = field.Fields;
        }

        return true;
    }

    private static bool IsSweepable(FieldType type) =>
        type is FieldType.Integer or FieldType.Number or FieldType.Choice or FieldType.Boolean;

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Integer => "integer",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.Text => "text",
        FieldType.Choice => "choice",
        FieldType.Object => "object",
        _ => "list",
    };

    private static void Collect(IReadOnlyList<ConfigurationField> fields, string prefix, List<(string, ConfigurationField)> found)
    {
        foreach (var field in fields)
        {
            string path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            if (IsSweepable(field.Type))
            {
                found.Add((path, field));
            }
            else if (field.Type == FieldType.Object)
            {
                Collect(field.Fields, path, found);
            }
        }
    }
}
