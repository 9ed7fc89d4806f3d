using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Configuration;

/// <summary>
/// The fields of a configuration type, read once by reflection from standard data annotations
/// (<see cref="DisplayAttribute"/>, <see cref="RangeAttribute"/>, <see cref="LengthAttribute"/>) and
/// <see cref="UnitAttribute"/>. Launch forms, the shared validation and the API all work from it.
/// </summary>
public sealed class ConfigurationSchema
{
    private static readonly ConcurrentDictionary<Type, ConfigurationSchema> Cache = new();

    private ConfigurationSchema(Type type, IReadOnlyList<ConfigurationField> fields)
    {
        Type = type;
        Fields = fields;
    }

    public Type Type { get; }

    public IReadOnlyList<ConfigurationField> Fields { get; }

    public static ConfigurationSchema For(Type type) =>
        Cache.GetOrAdd(type, t => new ConfigurationSchema(t, ReadFields(t, [])));

    /// <summary>
    /// Returns the fields of the object at <paramref name="path"/> (for example <c>attacks[0]</c>; empty for
    /// the root), or null if the path names no object or list item.
    /// </summary>
    public IReadOnlyList<ConfigurationField>? FieldsAt(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Fields;
        }

        return Find(path) is { Type: FieldType.Object or FieldType.List } field ? field.Fields : null;
    }

    /// <summary>
    /// Returns the choice fields reachable from the root through object fields (not through lists), with
    /// their JSON paths: the fields a study group can vary.
    /// </summary>
    public IReadOnlyList<(string Path, ConfigurationField Field)> ChoiceFields()
    {
        var found = new List<(string, ConfigurationField)>();
        CollectChoices(Fields, string.Empty, found);
        return found;
    }

    /// <summary>
    /// Sets the choice field at <paramref name="path"/> (object fields only, such as <c>defence.kind</c>) of
    /// <paramref name="root"/> to the enum member whose JSON value is <paramref name="jsonValue"/>.
    /// Returns an error message, or null on success.
    /// </summary>
    public string? SetChoice(object root, string path, string jsonValue)
    {
        ArgumentNullException.ThrowIfNull(root);

        object owner = root;
        IReadOnlyList<ConfigurationField> level = Fields;
        string[] segments = path.Split('.');
        for (int i = 0; i < segments.Length; i++)
        {
            var field = level.FirstOrDefault(f => f.Name == segments[i]);
            bool last = i == segments.Length - 1;
            if (field is null || (!last && field.Type != FieldType.Object) || (last && field.Type != FieldType.Choice))
            {
                return $"'{path}' is not a choice field of {Type.Name}; study groups can vary only choice fields outside lists.";
            }

            if (last)
            {
                var enumType = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
                var member = Enum.GetValues(enumType).Cast<Enum>().FirstOrDefault(e => EnumJsonValue(e) == jsonValue);
                if (member is null)
                {
                    return $"'{jsonValue}' is not a value of {field.Label}; allowed values are {string.Join(", ", field.Choices.Select(c => c.Value))}.";
                }

                field.SetValue(owner, member);
                return null;
            }

            owner = field.GetValue(owner) ?? throw new InvalidOperationException($"'{segments[i]}' of {Type.Name} is null.");
            level = field.Fields;
        }

        return $"'{path}' is empty.";
    }

    /// <summary>Returns the JSON value of the choice field at <paramref name="path"/> (object fields only), or null.</summary>
    public string? GetChoice(object root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);

        object? owner = root;
        IReadOnlyList<ConfigurationField> level = Fields;
        foreach (string segment in path.Split('.'))
        {
            var field = level.FirstOrDefault(f => f.Name == segment);
            if (field is null || owner is null)
            {
                return null;
            }

            owner = field.GetValue(owner);
            level = field.Fields;
        }

        return owner is Enum value ? EnumJsonValue(value) : null;
    }

    private static void CollectChoices(IReadOnlyList<ConfigurationField> fields, string prefix, List<(string, ConfigurationField)> found)
    {
        foreach (var field in fields)
        {
            string path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            if (field.Type == FieldType.Choice)
            {
                found.Add((path, field));
            }
            else if (field.Type == FieldType.Object)
            {
                CollectChoices(field.Fields, path, found);
            }
        }
    }

    /// <summary>Returns the field at a JSON path such as <c>attacks[0].poisonRatio</c>, or null.</summary>
    public ConfigurationField? Find(string path)
    {
        ConfigurationField? field = null;
        IReadOnlyList<ConfigurationField> level = Fields;
        foreach (string segment in path.Split('.'))
        {
            int bracket = segment.IndexOf('[', StringComparison.Ordinal);
            string name = bracket >= 0 ? segment[..bracket] : segment;
            field = level.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                return null;
            }

            level = field.Fields;
        }

        return field;
    }

    private static List<ConfigurationField> ReadFields(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            throw new InvalidOperationException($"Configuration type {type.Name} contains itself; recursive configurations are not supported.");
        }

        var fields = type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select((property, index) => ReadField(property, index, visiting))
            .OrderBy(f => f.Order)
            .ToList();

        visiting.Remove(type);
        return fields;
    }

    private static ConfigurationField ReadField(PropertyInfo property, int declarationIndex, HashSet<Type> visiting)
    {
        var display = property.GetCustomAttribute<DisplayAttribute>();
        var range = property.GetCustomAttribute<RangeAttribute>();
        var length = property.GetCustomAttribute<LengthAttribute>();
        var (type, itemType) = Classify(property.PropertyType);

        IReadOnlyList<ConfigurationField> nested = type switch
        {
            FieldType.Object => ReadFields(property.PropertyType, visiting),
            FieldType.List => ReadFields(itemType!, visiting),
            _ => [],
        };

        return new ConfigurationField
        {
            Name = JsonName(property),
            Label = display?.GetName() ?? Humanize(property.Name),
            Description = display?.GetDescription(),
            Group = display?.GetGroupName(),
            Order = display?.GetOrder() ?? 1000 + declarationIndex,
            Unit = property.GetCustomAttribute<UnitAttribute>()?.Unit,
            Type = type,
            Minimum = range is null ? null : Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture),
            Maximum = range is null ? null : Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture),
            MinimumIsExclusive = range?.MinimumIsExclusive ?? false,
            MaximumIsExclusive = range?.MaximumIsExclusive ?? false,
            RangeDependsOnOtherFields = property.GetCustomAttribute<DependentRangeAttribute>() is not null,
            MinimumItems = length?.MinimumLength,
            MaximumItems = length?.MaximumLength,
            Choices = type == FieldType.Choice ? ReadChoices(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) : [],
            Fields = nested,
            AppliesWhen = ReadCondition(property),
            Property = property,
            ItemType = type == FieldType.Object ? property.PropertyType : itemType,
        };
    }

    private static FieldCondition? ReadCondition(PropertyInfo property)
    {
        if (property.GetCustomAttribute<AppliesWhenAttribute>() is not { } applies)
        {
            return null;
        }

        var sibling = property.DeclaringType!.GetProperty(applies.SiblingProperty)
            ?? throw new InvalidOperationException(
                $"{property.DeclaringType.Name}.{property.Name} applies when {applies.SiblingProperty} has a value, but {property.DeclaringType.Name} has no such property.");
        return new FieldCondition
        {
            Field = JsonName(sibling),
            Values = [.. applies.Values.Select(v => v is Enum e ? EnumJsonValue(e) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant())],
            Property = sibling,
            ClrValues = applies.Values,
        };
    }

    private static (FieldType Type, Type? ItemType) Classify(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;

        if (type.IsEnum)
        {
            return (FieldType.Choice, null);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return (FieldType.Integer, null);
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return (FieldType.Number, null);
        }

        if (type == typeof(bool))
        {
            return (FieldType.Boolean, null);
        }

        if (type == typeof(string))
        {
            return (FieldType.Text, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return (FieldType.List, type.GetGenericArguments()[0]);
        }

        if (type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return (FieldType.Object, null);
        }

        throw new NotSupportedException($"Configuration properties of type {type.Name} are not supported; use a number, bool, string, enum, class or List<T>.");
    }

    private static IReadOnlyList<FieldChoice> ReadChoices(Type enumType) =>
        enumType
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field =>
            {
                var display = field.GetCustomAttribute<DisplayAttribute>();
                return new FieldChoice(EnumJsonValue(field), display?.GetName() ?? Humanize(field.Name), display?.GetDescription());
            })
            .ToList();

    /// <summary>Returns the JSON value of an enum member as <see cref="ConfigurationJson"/> writes it.</summary>
    public static string EnumJsonValue(Enum value) =>
        EnumJsonValue(value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)!);

    private static string EnumJsonValue(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(field.Name);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string Humanize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
