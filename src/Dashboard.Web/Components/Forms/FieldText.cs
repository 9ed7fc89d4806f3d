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

        if (field.Unit is not { } unit || value is Enum or bool)
        {
            return text;
        }

        // "1 epoch", not "1 epochs".
        bool singular = text == "1" && unit.EndsWith('s');
        return $"{text} {(singular ? unit[..^1] : unit)}";
    }
}
