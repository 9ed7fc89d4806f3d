using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;

namespace Dashboard.Web.Api;

/// <summary>An experiment kind as the HTTP API lists it.</summary>
public sealed record KindSummaryDto(
    string Id,
    string DisplayName,
    string Description,
    string HeadlineMeasure,
    string HeadlineLabel,
    IReadOnlyList<PresetSummaryDto> Presets)
{
    public static KindSummaryDto From(IExperimentKind kind) => new(
        kind.Id,
        kind.DisplayName,
        kind.Description,
        kind.HeadlineMeasure,
        kind.HeadlineLabel,
        [.. kind.Presets.Select(p => new PresetSummaryDto(p.Id, p.Name, p.Description))]);
}

/// <summary>A preset's name and purpose, without its configuration.</summary>
public sealed record PresetSummaryDto(string Id, string Name, string Description);

/// <summary>A preset with the full configuration it fills in.</summary>
public sealed record PresetDto(string Id, string Name, string Description, JsonElement Configuration)
{
    public static PresetDto From(ExperimentPreset preset) =>
        new(preset.Id, preset.Name, preset.Description, ConfigurationElement.Of(preset.Create()));
}

/// <summary>
/// An experiment kind with what a client needs to write a configuration: the defaults, the schema of every
/// field, and the presets.
/// </summary>
public sealed record KindDto(
    string Id,
    string DisplayName,
    string Description,
    string HeadlineMeasure,
    string HeadlineLabel,
    JsonElement Defaults,
    IReadOnlyList<FieldDto> Fields,
    IReadOnlyList<PresetSummaryDto> Presets)
{
    public static KindDto From(IExperimentKind kind, Func<string, string, string?> unavailableReason) => new(
        kind.Id,
        kind.DisplayName,
        kind.Description,
        kind.HeadlineMeasure,
        kind.HeadlineLabel,
        ConfigurationElement.Of(kind.CreateDefaultConfiguration()),
        FieldDto.FromAll(ConfigurationSchema.For(kind.ConfigurationType).Fields, prefix: null, unavailableReason),
        [.. kind.Presets.Select(p => new PresetSummaryDto(p.Id, p.Name, p.Description))]);
}

/// <summary>
/// One configuration field: its JSON path, input type, range and choices, and the sibling value it applies for.
/// Object and list fields carry their own fields.
/// </summary>
public sealed record FieldDto(
    string Path,
    string Name,
    string Label,
    string? Description,
    string Type,
    string? Unit,
    string? Group,
    double? Minimum,
    double? Maximum,
    bool MinimumIsExclusive,
    bool MaximumIsExclusive,
    string? Range,
    int? MinimumItems,
    int? MaximumItems,
    IReadOnlyList<ChoiceDto> Choices,
    ConditionDto? AppliesWhen,
    IReadOnlyList<FieldDto> Fields)
{
    public static IReadOnlyList<FieldDto> FromAll(
        IEnumerable<ConfigurationField> fields, string? prefix, Func<string, string, string?> unavailableReason) =>
        [.. fields.Select(field => From(field, prefix is null ? field.Name : $"{prefix}.{field.Name}", unavailableReason))];

    private static FieldDto From(ConfigurationField field, string path, Func<string, string, string?> unavailableReason) => new(
        path,
        field.Name,
        field.Label,
        field.Description,
        JsonNamingPolicy.CamelCase.ConvertName(field.Type.ToString()),
        field.Unit,
        field.Group,
        field.Minimum,
        field.Maximum,
        field.MinimumIsExclusive,
        field.MaximumIsExclusive,
        field.DescribeRange(),
        field.MinimumItems,
        field.MaximumItems,
        [.. field.Choices.Select(c => new ChoiceDto(c.Value, c.Label, c.Description, unavailableReason(path, c.Value)))],
        field.AppliesWhen is { } condition ? new ConditionDto(condition.Field, condition.Values) : null,
        FromAll(field.Fields, field.Type == FieldType.List ? $"{path}[]" : path, unavailableReason));
}

/// <summary>The sibling field and its values for which a field applies.</summary>
public sealed record ConditionDto(string Field, IReadOnlyList<string> Values);

/// <summary>One allowed value of a choice field; <see cref="Unavailable"/> gives the reason this server cannot use it.</summary>
public sealed record ChoiceDto(string Value, string Label, string? Description, string? Unavailable);

internal static class ConfigurationElement
{
    public static JsonElement Of(object configuration)
    {
        using var document = JsonDocument.Parse(ConfigurationJson.Serialize(configuration));
        return document.RootElement.Clone();
    }
}
