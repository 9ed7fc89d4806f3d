namespace Dashboard.Web.Compute;

/// <summary>
/// Folder of each dataset by identifier, bound from the "Datasets" section, for example
/// <c>"fashion-mnist": "/usr/share/datasets/fashion-mnist"</c>. Relative paths are resolved against the
/// content root.
/// </summary>
public sealed class DatasetOptions
{
    public const string Section = "Datasets";

    public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);
}
