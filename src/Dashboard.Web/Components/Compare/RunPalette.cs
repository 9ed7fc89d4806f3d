namespace Dashboard.Web.Components.Compare;

/// <summary>
/// Colours of compared runs. A run's colour depends only on its position in the selection, so it is the same
/// on every chart, table and axis of the comparison page.
/// </summary>
public static class RunPalette
{
    /// <summary>The ten colours of Tableau's "Tableau 10" palette, in its order.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>Returns the colour of the run at <paramref name="position"/>; positions past the palette reuse it from the start.</summary>
    public static string ColorAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return Colors[position % Colors.Count];
    }
}
