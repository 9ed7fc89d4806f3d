namespace Dashboard.Core.Configuration;

/// <summary>One allowed value of a choice field: its JSON value and the label shown for it.</summary>
public sealed record FieldChoice(string Value, string Label, string? Description);
