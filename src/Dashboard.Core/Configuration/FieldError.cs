namespace Dashboard.Core.Configuration;

/// <summary>
/// A validation error of one configuration field. <paramref name="Path"/> is the field's JSON path
/// without the leading <c>$.</c>, for example <c>attacks[0].poisonRatio</c>; it is empty for errors
/// about the document as a whole.
/// </summary>
public sealed record FieldError(string Path, string Message);
