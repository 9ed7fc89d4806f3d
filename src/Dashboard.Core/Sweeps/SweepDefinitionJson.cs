using System.Text;
using System.Text.Json;
using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>
/// Reads and writes the JSON form of a sweep:
/// <c>{"method": "grid", "maxConcurrent": 2, "parameters": {"learningRate": {"min": 1e-4, "max": 1e-2, "scale": "log", "count": 3}}}</c>.
/// Reading reports each malformed property as a field error under <c>sweep.</c>.
/// </summary>
public static class SweepDefinitionJson
{
    private const string Prefix = "sweep";
    private static readonly HashSet<string> DefinitionProperties = ["method", "parameters", "trials", "seed", "maxConcurrent"];
    private static readonly HashSet<string> ParameterProperties = ["values", "min", "max", "step", "count", "scale"];

    /// <summary>Reads a sweep object; returns null with the errors when a property is missing, unknown or of the wrong type.</summary>
    public static SweepDefinition? Read(JsonElement element, out List<FieldError> errors)
    {
        errors = [];
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(Prefix, "\"sweep\" must be a JSON object with \"method\" and \"parameters\"."));
            return null;
        }

        foreach (var property in element.EnumerateObject().Where(p => !DefinitionProperties.Contains(p.Name)))
        {
            errors.Add(new FieldError($"{Prefix}.{property.Name}", $"Unknown property \"{property.Name}\"; a sweep has method, parameters, trials, seed and maxConcurrent."));
        }

        var method = SweepMethod.Grid;
        if (element.TryGetProperty("method", out var methodElement))
        {
            switch (methodElement.ValueKind == JsonValueKind.String ? methodElement.GetString() : null)
            {
                case "grid":
                    method = SweepMethod.Grid;
                    break;
                case "random":
                    method = SweepMethod.Random;
                    break;
                default:
                    errors.Add(new FieldError($"{Prefix}.method", $"\"method\" is {methodElement.GetRawText()}; use \"grid\" or \"random\"."));
                    break;
            }
        }

        int? trials = ReadInteger(element, "trials", Prefix, errors);
        int? seed = ReadInteger(element, "seed", Prefix, errors);
        int? maxConcurrent = ReadInteger(element, "maxConcurrent", Prefix, errors);

        var parameters = new List<SweepParameter>();
        if (!element.TryGetProperty("parameters", out var parametersElement) || parametersElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError($"{Prefix}.parameters", "\"parameters\" must be an object with one entry per swept field, such as {\"learningRate\": {\"values\": [0.001, 0.01]}}."));
        }
        else
        {
            foreach (var property in parametersElement.EnumerateObject())
            {
                if (parameters.Any(p => p.Path == property.Name))
                {
                    errors.Add(new FieldError($"{Prefix}.parameters.{property.Name}", $"'{property.Name}' is listed twice; list each field once."));
                    continue;
                }

                if (ReadParameter(property.Name, property.Value, errors) is { } parameter)
                {
                    parameters.Add(parameter);
                }
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new SweepDefinition { Method = method, Parameters = parameters, Trials = trials, Seed = seed, MaxConcurrent = maxConcurrent };
    }

    /// <summary>Writes the sweep in the form <see cref="Read"/> accepts.</summary>
    public static string Write(SweepDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", definition.Method == SweepMethod.Grid ? "grid" : "random");
            WriteOptional(writer, "trials", definition.Trials);
            WriteOptional(writer, "seed", definition.Seed);
            WriteOptional(writer, "maxConcurrent", definition.MaxConcurrent);
            writer.WriteStartObject("parameters");
            foreach (var parameter in definition.Parameters)
            {
                WriteParameter(writer, parameter);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="FormatException"/> when the text is not a valid sweep.</summary>
    public static SweepDefinition Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, out var errors)
            ?? throw new FormatException($"Invalid sweep definition: {string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}"))}");
    }

    private static SweepParameter? ReadParameter(string path, JsonElement element, List<FieldError> errors)
    {
        string prefix = $"{Prefix}.parameters.{path}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(prefix, "A parameter must be an object: {\"values\": [...]} or {\"min\": ..., \"max\": ..., \"count\": ...}."));
            return null;
        }

        int before = errors.Count;
        foreach (var property in element.EnumerateObject().Where(p => !ParameterProperties.Contains(p.Name)))
        {
            errors.Add(new FieldError($"{prefix}.{property.Name}", $"Unknown property \"{property.Name}\"; a parameter has values, or min, max, step, count and scale."));
        }

        List<JsonElement>? values = null;
        if (element.TryGetProperty("values", out var valuesElement))
        {
            if (valuesElement.ValueKind == JsonValueKind.Array)
            {
                values = [.. valuesElement.EnumerateArray().Select(value => value.Clone())];
            }
            else
            {
                errors.Add(new FieldError($"{prefix}.values", "\"values\" must be a JSON array."));
            }
        }

        double? min = ReadNumber(element, "min", prefix, errors);
        double? max = ReadNumber(element, "max", prefix, errors);
        double? step = ReadNumber(element, "step", prefix, errors);
        int? count = ReadInteger(element, "count", prefix, errors);

        var scale = SweepScale.Linear;
        if (element.TryGetProperty("scale", out var scaleElement))
        {
            switch (scaleElement.ValueKind == JsonValueKind.String ? scaleElement.GetString() : null)
            {
                case "linear":
                    break;
                case "log":
                    scale = SweepScale.Log;
                    break;
                default:
                    errors.Add(new FieldError($"{prefix}.scale", $"\"scale\" is {scaleElement.GetRawText()}; use \"linear\" or \"log\"."));
                    break;
            }
        }

        if (values is not null && (min ?? max ?? step ?? count) is not null)
        {
            errors.Add(new FieldError(prefix, "Give either \"values\" or a range (\"min\", \"max\" and \"count\" or \"step\"), not both."));
        }

        if (values is null && min is null && max is null && errors.Count == before)
        {
            errors.Add(new FieldError(prefix, "Give \"values\": [...] or a range with \"min\" and \"max\"."));
        }

        return errors.Count > before
            ? null
            : new SweepParameter { Path = path, Values = values, Min = min, Max = max, Step = step, Count = count, Scale = scale };
    }

    private static double? ReadNumber(JsonElement owner, string name, string prefix, List<FieldError> errors)
    {
        if (!owner.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new FieldError($"{prefix}.{name}", $"\"{name}\" is {element.GetRawText()}; it must be a number."));
            return null;
        }

        return element.GetDouble();
    }

    private static int? ReadInteger(JsonElement owner, string name, string prefix, List<FieldError> errors)
    {
        if (!owner.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
        {
            errors.Add(new FieldError($"{prefix}.{name}", $"\"{name}\" is {element.GetRawText()}; it must be a whole number."));
            return null;
        }

        return value;
    }

    private static void WriteParameter(Utf8JsonWriter writer, SweepParameter parameter)
    {
        writer.WriteStartObject(parameter.Path);
        if (parameter.Values is { } values)
        {
            writer.WriteStartArray("values");
            foreach (var value in values)
            {
                value.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        WriteOptional(writer, "min", parameter.Min);
        WriteOptional(writer, "max", parameter.Max);
        WriteOptional(writer, "step", parameter.Step);
        WriteOptional(writer, "count", parameter.Count);
        if (parameter.IsRange)
        {
            writer.WriteString("scale", parameter.Scale == SweepScale.Log ? "log" : "linear");
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
