namespace Dashboard.Core.Sweeps;

/// <summary>
/// The value one trial gives one swept field: <paramref name="Json"/> is the JSON literal written into the
/// configuration (for example <c>0.001</c>, <c>"sgd"</c> or <c>true</c>) and <paramref name="Label"/> the text shown for it.
/// </summary>
public sealed record SweptValue(string Path, string Json, string Label);
