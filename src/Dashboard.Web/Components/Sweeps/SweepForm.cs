using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Sweeps;

namespace Dashboard.Web.Components.Sweeps;

/// <summary>How a row of the sweep form gives its field's values.</summary>
public enum SweepRowMode
{
    /// <summary>A list: typed numbers, or ticked choices.</summary>
    Values,

    /// <summary>A linear range from min to max.</summary>
    Range,

    /// <summary>A log range from min to max.</summary>
    LogRange,
}

/// <summary>One swept field as the launch form edits it: the text of each input, parsed by <see cref="SweepForm.Build"/>.</summary>
public sealed class SweepFormRow
{
    public string Path { get; set; } = "";

    public SweepRowMode Mode { get; set; }

    /// <summary>Numbers separated by commas or spaces, for a numeric field in <see cref="SweepRowMode.Values"/> mode.</summary>
    public string ValuesText { get; set; } = "";

    /// <summary>Ticked JSON values (choice values, or "true" and "false") of a choice or boolean field.</summary>
    public HashSet<string> Selected { get; } = new(StringComparer.Ordinal);

    public string Min { get; set; } = "";

    public string Max { get; set; } = "";

    public string Count { get; set; } = "3";

    /// <summary>Step of a linear grid range. When it is empty, the range is divided into <see cref="Count"/> values.</summary>
    public string Step { get; set; } = "";

    /// <summary>True until the user ticks a value, types values or enters a range bound.</summary>
    public bool IsBlank => Selected.Count == 0 && ValuesText.Trim().Length == 0 && Min.Trim().Length == 0 && Max.Trim().Length == 0;
}

/// <summary>The launch form's sweep section: method, limits and rows, turned into a <see cref="SweepDefinition"/>.</summary>
public sealed class SweepForm
{
    public SweepMethod Method { get; set; } = SweepMethod.Grid;

    public int Trials { get; set; } = 8;

    public int Seed { get; set; } = 1;

    /// <summary>Largest number of the sweep's runs training at once, or null for no limit of the sweep's own.</summary>
    public int? MaxConcurrent { get; set; }

    public List<SweepFormRow> Rows { get; } = [];

    /// <summary>
    /// Builds the definition from the rows. Returns null with errors under <c>sweep.parameters.{path}</c> when a
    /// row's text is not a number or a row names no sweepable field. <see cref="SweepExpander"/> checks the rest.
    /// </summary>
    public SweepDefinition? Build(ConfigurationSchema schema, out List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);

        errors = [];
        var parameters = new List<SweepParameter>();
        foreach (var row in Rows)
        {
            string prefix = $"sweep.parameters.{row.Path}";
            var field = SweepFields.Find(schema, row.Path, out string? reason);
            if (field is null)
            {
                errors.Add(new FieldError(prefix, reason!));
                continue;
            }

            if (parameters.Any(p => p.Path == row.Path))
            {
                errors.Add(new FieldError(prefix, $"{field.Label} is swept twice; remove one of its rows."));
                continue;
            }

            if (ReadRow(row, field, prefix, errors) is { } parameter)
            {
                parameters.Add(parameter);
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new SweepDefinition
        {
            Method = Method,
            Parameters = parameters,
            Trials = Method == SweepMethod.Random ? Trials : null,
            Seed = Method == SweepMethod.Random ? Seed : null,
            MaxConcurrent = MaxConcurrent,
        };
    }

    private SweepParameter? ReadRow(SweepFormRow row, ConfigurationField field, string prefix, List<FieldError> errors)
    {
        if (field.Type is FieldType.Choice or FieldType.Boolean)
        {
            IEnumerable<string> order = field.Type == FieldType.Boolean ? ["true", "false"] : field.Choices.Select(c => c.Value);
            var values = order.Where(row.Selected.Contains).Select(value =>
                field.Type == FieldType.Boolean ? JsonSerializer.SerializeToElement(value == "true") : JsonSerializer.SerializeToElement(value));
            return new SweepParameter { Path = row.Path, Values = [.. values] };
        }

        int before = errors.Count;
        if (row.Mode == SweepRowMode.Values)
        {
            var numbers = new List<JsonElement>();
            foreach (string text in row.ValuesText.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ParseNumber(text, $"{prefix}.values", errors) is { } number)
                {
                    numbers.Add(JsonSerializer.SerializeToElement(number));
                }
            }

            return errors.Count > before ? null : new SweepParameter { Path = row.Path, Values = numbers };
        }

        double? min = ParseNumber(row.Min, $"{prefix}.min", errors);
        double? max = ParseNumber(row.Max, $"{prefix}.max", errors);
        bool useStep = Method == SweepMethod.Grid && row.Mode == SweepRowMode.Range && !string.IsNullOrWhiteSpace(row.Step);
        double? step = useStep ? ParseNumber(row.Step, $"{prefix}.step", errors) : null;
        int? count = null;
        if (Method == SweepMethod.Grid && !useStep)
        {
            count = int.TryParse(row.Count, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
            if (count is null)
            {
                errors.Add(new FieldError($"{prefix}.count", $"'{row.Count}' is not a whole number; enter how many values the range is divided into."));
            }
        }

        return errors.Count > before
            ? null
            : new SweepParameter
            {
                Path = row.Path,
                Min = min,
                Max = max,
                Step = step,
                Count = count,
                Scale = row.Mode == SweepRowMode.LogRange ? SweepScale.Log : SweepScale.Linear,
            };
    }

    private static double? ParseNumber(string text, string path, List<FieldError> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new FieldError(path, string.IsNullOrWhiteSpace(text) ? "Enter a number." : $"'{text}' is not a number; write numbers like 0.001 or 1e-3."));
        return null;
    }
}
