using System.Collections;
using System.Globalization;

namespace Dashboard.Core.Configuration;

/// <summary>
/// Checks a configuration object against the ranges, choices and list lengths its schema declares.
/// Experiment kinds add their cross-field rules on top; see <see cref="Experiments.ExperimentKind{TConfiguration}"/>.
/// </summary>
public static class ConfigurationValidator
{
    public static List<FieldError> Validate(object configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var errors = new List<FieldError>();
        ValidateObject(configuration, ConfigurationSchema.For(configuration.GetType()).Fields, string.Empty, errors);
        return errors;
    }

    private static void ValidateObject(object owner, IReadOnlyList<ConfigurationField> fields, string prefix, List<FieldError> errors)
    {
        foreach (var field in fields)
        {
            string path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            ValidateField(field, field.GetValue(owner), path, errors);
        }
    }

    private static void ValidateField(ConfigurationField field, object? value, string path, List<FieldError> errors)
    {
        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Number when value is not null:
                ValidateNumber(field, Convert.ToDouble(value, CultureInfo.InvariantCulture), path, errors);
                break;

            case FieldType.Choice when value is Enum choice && !Enum.IsDefined(choice.GetType(), choice):
                string allowed = string.Join(", ", field.Choices.Select(c => c.Value));
                errors.Add(new FieldError(path, $"{field.Label} has an unknown value; allowed values are {allowed}."));
                break;

            case FieldType.Object when value is null:
                errors.Add(new FieldError(path, $"{field.Label} is missing."));
                break;

            case FieldType.Object:
                ValidateObject(value!, field.Fields, path, errors);
                break;

            case FieldType.List:
                ValidateList(field, value as IList, path, errors);
                break;
        }
    }

    private static void ValidateNumber(ConfigurationField field, double number, string path, List<FieldError> errors)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            errors.Add(new FieldError(path, $"{field.Label} must be a finite number."));
            return;
        }

        bool belowMinimum = field.Minimum is { } min && (field.MinimumIsExclusive ? number <= min : number < min);
        bool aboveMaximum = field.Maximum is { } max && (field.MaximumIsExclusive ? number >= max : number > max);
        if (belowMinimum || aboveMaximum)
        {
            string shown = number.ToString("G", CultureInfo.InvariantCulture);
            errors.Add(new FieldError(path, $"{field.Label} must be {field.DescribeRange()}; got {shown}."));
        }
    }

    private static void ValidateList(ConfigurationField field, IList? items, string path, List<FieldError> errors)
    {
        if (items is null)
        {
            errors.Add(new FieldError(path, $"{field.Label} is missing."));
            return;
        }

        if (field.MinimumItems is { } minItems && minItems > 0 && items.Count < minItems)
        {
            errors.Add(new FieldError(path, $"{field.Label} needs at least {minItems} item(s); got {items.Count}."));
        }

        if (field.MaximumItems is { } maxItems && maxItems >= 0 && items.Count > maxItems)
        {
            errors.Add(new FieldError(path, $"{field.Label} allows at most {maxItems} item(s); got {items.Count}."));
        }

        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            if (items[i] is null)
            {
                errors.Add(new FieldError(itemPath, $"{field.Label} item {i + 1} is missing."));
                continue;
            }

            ValidateObject(items[i]!, field.Fields, itemPath, errors);
        }
    }
}
