using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>
/// The validated values of one swept field: an explicit list, or a numeric range that a grid divides and
/// random search samples. Integer fields only ever receive whole numbers.
/// </summary>
internal sealed class SweepDomain
{
    private readonly SweepParameter _parameter;
    private readonly IReadOnlyList<SweptValue>? _values;

    private SweepDomain(SweepParameter parameter, ConfigurationField field, IReadOnlyList<SweptValue>? values)
    {
        _parameter = parameter;
        Field = field;
        _values = values;
    }

    public ConfigurationField Field { get; }

    public string Path => _parameter.Path;

    /// <summary>Checks the parameter against its field; returns null and adds errors under <c>sweep.parameters.{path}</c> when invalid.</summary>
    public static SweepDomain? Resolve(SweepParameter parameter, ConfigurationSchema schema, SweepMethod method, List<FieldError> errors)
    {
        string prefix = $"sweep.parameters.{parameter.Path}";
        var field = SweepFields.Find(schema, parameter.Path, out string? reason);
        if (field is null)
        {
            errors.Add(new FieldError(prefix, reason!));
            return null;
        }

        int before = errors.Count;
        if (parameter.Values is { } values)
        {
            var converted = ConvertValues(parameter.Path, field, values, prefix, errors);
            return errors.Count > before ? null : new SweepDomain(parameter, field, converted);
        }

        CheckRange(parameter, field, method, prefix, errors);
        return errors.Count > before ? null : new SweepDomain(parameter, field, null);
    }

    /// <summary>Returns the values a grid tries, in order; duplicates from rounding integers are dropped.</summary>
    public IReadOnlyList<SweptValue> GridValues()
    {
        if (_values is not null)
        {
            return _values;
        }

        double min = _parameter.Min!.Value;
        double max = _parameter.Max!.Value;
        var numbers = new List<double>();
        if (_parameter.Count is { } count)
        {
            for (int i = 0; i < count; i++)
            {
                double fraction = (double)i / (count - 1);
                numbers.Add(_parameter.Scale == SweepScale.Log ? min * Math.Pow(max / min, fraction) : min + (fraction * (max - min)));
            }
        }
        else
        {
            double step = _parameter.Step!.Value;
            int steps = StepCount(min, max, step);
            for (int i = 0; i < steps; i++)
            {
                numbers.Add(min + (i * step));
            }
        }

        return [.. numbers.Select(ToValue).DistinctBy(value => value.Json)];
    }

    /// <summary>Draws one value: a listed value uniformly, or a number uniformly (log-uniformly on a log scale) from the range.</summary>
    public SweptValue Sample(SweepRandom random)
    {
        if (_values is not null)
        {
            return _values[random.Next(_values.Count)];
        }

        double min = _parameter.Min!.Value;
        double max = _parameter.Max!.Value;
        bool log = _parameter.Scale == SweepScale.Log;
        if (Field.Type == FieldType.Integer)
        {
            long low = (long)Math.Ceiling(min);
            long high = (long)Math.Floor(max);

            // A log-uniform draw over [low, high + 1) floored gives each integer the weight of its log-width.
            long drawn = log
                ? (long)Math.Floor(Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high + 1) - Math.Log(low)))))
                : random.NextInt64(low, high + 1);
            return ToValue(Math.Clamp(drawn, low, high));
        }

        double u = random.NextDouble();
        double number = log ? Math.Exp(Math.Log(min) + (u * (Math.Log(max) - Math.Log(min)))) : min + (u * (max - min));
        return ToValue(Math.Clamp(Round(number, 6), min, max));
    }

    /// <summary>Number of values a linear grid with <paramref name="step"/> has from min to max, both ends included when reached.</summary>
    private static int StepCount(double min, double max, double step)
    {
        // The tolerance keeps max itself when floating-point steps land a hair past it, as 0.1 + 0.2 does.
        double steps = Math.Floor(((max - min) / step) + 1e-9) + 1;
        return steps > int.MaxValue ? int.MaxValue : (int)steps;
    }

    private SweptValue ToValue(double number)
    {
        if (Field.Type == FieldType.Integer)
        {
            long whole = (long)Math.Round(number, MidpointRounding.AwayFromZero);
            string text = whole.ToString(CultureInfo.InvariantCulture);
            return new SweptValue(Path, text, text);
        }

        // Twelve significant digits remove the noise of the spacing arithmetic, such as 0.30000000000000004.
        double rounded = Round(number, 12);
        return new SweptValue(Path, rounded.ToString("R", CultureInfo.InvariantCulture), rounded.ToString("G6", CultureInfo.InvariantCulture));
    }

    private static double Round(double number, int significantDigits) =>
        double.Parse(number.ToString("G" + significantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static List<SweptValue> ConvertValues(string path, ConfigurationField field, IReadOnlyList<JsonElement> values, string prefix, List<FieldError> errors)
    {
        if (values.Count == 0)
        {
            errors.Add(new FieldError($"{prefix}.values", "\"values\" is empty; list at least one value."));
            return [];
        }

        var converted = new List<SweptValue>();
        for (int i = 0; i < values.Count; i++)
        {
            string valuePath = $"{prefix}.values[{i}]";
            if (Convert(path, field, values[i], out string? error) is not { } value)
            {
                errors.Add(new FieldError(valuePath, error!));
            }
            else if (converted.Any(c => c.Json == value.Json))
            {
                errors.Add(new FieldError(valuePath, $"{values[i].GetRawText()} is listed twice; list each value once."));
            }
            else
            {
                converted.Add(value);
            }
        }

        return converted;
    }

    private static SweptValue? Convert(string path, ConfigurationField field, JsonElement value, out string? error)
    {
        error = null;
        string raw = value.GetRawText();
        switch (field.Type)
        {
            case FieldType.Choice when value.ValueKind == JsonValueKind.String && field.Choices.FirstOrDefault(c => c.Value == value.GetString()) is { } choice:
                return new SweptValue(path, raw, choice.Label);

            case FieldType.Choice:
                error = $"{raw} is not a value of {field.Label} ({path}); allowed values are {string.Join(", ", field.Choices.Select(c => $"\"{c.Value}\""))}.";
                return null;

            case FieldType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return new SweptValue(path, raw, raw);

            case FieldType.Boolean:
                error = $"{raw} is not a value of {field.Label} ({path}); use true or false.";
                return null;

            case FieldType.Integer when value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number == Math.Floor(number):
                return OutOfRange(field, number) is { } rangeError ? Fail(rangeError, out error) : new SweptValue(path, ((long)number).ToString(CultureInfo.InvariantCulture), ((long)number).ToString(CultureInfo.InvariantCulture));

            case FieldType.Integer:
                error = $"{raw} is not a whole number; {field.Label} ({path}) takes integers.";
                return null;

            case FieldType.Number when value.ValueKind == JsonValueKind.Number:
                double parsed = value.GetDouble();
                return OutOfRange(field, parsed) is { } numberError
                    ? Fail(numberError, out error)
                    : new SweptValue(path, parsed.ToString("R", CultureInfo.InvariantCulture), parsed.ToString("G6", CultureInfo.InvariantCulture));

            default:
                error = $"{raw} is not a number; {field.Label} ({path}) takes numbers.";
                return null;
        }
    }

    private static SweptValue? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static void CheckRange(SweepParameter parameter, ConfigurationField field, SweepMethod method, string prefix, List<FieldError> errors)
    {
        if (field.Type is FieldType.Choice or FieldType.Boolean)
        {
            errors.Add(new FieldError(prefix, $"{field.Label} ({parameter.Path}) is a {(field.Type == FieldType.Choice ? "choice" : "boolean")} field; list its values with \"values\" instead of a range."));
            return;
        }

        if (parameter.Min is not { } min || parameter.Max is not { } max)
        {
            errors.Add(new FieldError(prefix, "A range needs both \"min\" and \"max\"."));
            return;
        }

        if (min > max)
        {
            errors.Add(new FieldError($"{prefix}.min", $"min ({Text(min)}) is greater than max ({Text(max)}); swap them."));
            return;
        }

        if (min == max)
        {
            errors.Add(new FieldError($"{prefix}.max", $"min and max are both {Text(min)}; use \"values\": [{Text(min)}] for a single value."));
            return;
        }

        if (parameter.Scale == SweepScale.Log && min <= 0)
        {
            errors.Add(new FieldError($"{prefix}.min", $"A log range needs min > 0, but min is {Text(min)}; use a positive min or \"scale\": \"linear\"."));
            return;
        }

        if ((OutOfRange(field, min) ?? OutOfRange(field, max)) is { } rangeError)
        {
            errors.Add(new FieldError(prefix, rangeError));
            return;
        }

        if (field.Type == FieldType.Integer && Math.Ceiling(min) > Math.Floor(max))
        {
            errors.Add(new FieldError(prefix, $"The range {Text(min)} to {Text(max)} contains no integer, but {field.Label} ({parameter.Path}) takes integers."));
            return;
        }

        if (method == SweepMethod.Random)
        {
            if (parameter.Count is not null || parameter.Step is not null)
            {
                errors.Add(new FieldError(prefix, "Random search samples the whole range; remove \"count\" and \"step\", which divide a grid range."));
            }

            return;
        }

        CheckGridDivision(parameter, min, max, prefix, errors);
    }

    private static void CheckGridDivision(SweepParameter parameter, double min, double max, string prefix, List<FieldError> errors)
    {
        if (parameter.Count is not null && parameter.Step is not null)
        {
            errors.Add(new FieldError(prefix, "Give either \"count\" or \"step\" for a grid range, not both."));
        }
        else if (parameter.Scale == SweepScale.Log && parameter.Step is not null)
        {
            errors.Add(new FieldError($"{prefix}.step", "A log range is divided by \"count\", not \"step\"; replace step with the number of values."));
        }
        else if (parameter.Count is { } count && count < 2)
        {
            errors.Add(new FieldError($"{prefix}.count", $"count is {count}; a grid range needs a count of at least 2 (use \"values\" for a single value)."));
        }
        else if (parameter.Count is { } tooMany && tooMany > SweepDefinition.MaxRuns)
        {
            errors.Add(new FieldError($"{prefix}.count", $"count is {tooMany}; a sweep creates at most {SweepDefinition.MaxRuns} runs."));
        }
        else if (parameter.Step is { } step && step <= 0)
        {
            errors.Add(new FieldError($"{prefix}.step", $"step is {Text(step)}; it must be greater than 0."));
        }
        else if (parameter.Step is { } positive && StepCount(min, max, positive) > SweepDefinition.MaxRuns)
        {
            errors.Add(new FieldError($"{prefix}.step", $"A step of {Text(positive)} from {Text(min)} to {Text(max)} gives more than {SweepDefinition.MaxRuns} values; use a larger step."));
        }
        else if (parameter.Count is null && parameter.Step is null)
        {
            errors.Add(new FieldError(prefix, "A grid range needs \"count\" (number of values, both ends included) or \"step\"."));
        }
    }

    private static string? OutOfRange(ConfigurationField field, double value)
    {
        bool below = field.Minimum is { } lower && (field.MinimumIsExclusive ? value <= lower : value < lower);
        bool above = field.Maximum is { } upper && (field.MaximumIsExclusive ? value >= upper : value > upper);
        return below || above ? $"{Text(value)} is outside the range of {field.Label}, which must be {field.DescribeRange()}." : null;
    }

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
