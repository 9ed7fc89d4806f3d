using System.Globalization;
using Dashboard.Core.Configuration;

namespace Dashboard.Web.Components.Forms;

/// <summary>Shows configuration values as text: choices by their label, numbers with their unit.</summary>
public static class FieldText
{
    public static string Format(ConfigurationField field, object? value)
    {
        string text = value switch
        {
            null => "",
            Enum choice => field.Choices.FirstOrDefault(c => c.Value == ConfigurationSchema.EnumJsonValue(choice))?.Label ?? choice.ToString(),
            bool flag => flag ? "yes" : "no",
            double number => number.ToString("G6", CultureInfo.InvariantCulture),
            float number => number.ToString("G6", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        return field.Unit is { } unit && value is not Enum and not bool ? $"{text} {unit}" : text;
    }
}
