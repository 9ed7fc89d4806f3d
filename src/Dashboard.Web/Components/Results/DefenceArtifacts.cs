namespace Dashboard.Web.Components.Results;

/// <summary>
/// <c>score-histogram.json</c>: counts of a defence's scores per bin, one row per true group (unpoisoned
/// examples and each attack). Counts have one entry fewer than <see cref="BinEdges"/>.
/// </summary>
public sealed record ScoreHistogram(string Defence, string ScoreName, double[] BinEdges, IReadOnlyList<ScoreHistogramGroup> Groups);

/// <summary>One true group of a <see cref="ScoreHistogram"/>.</summary>
public sealed record ScoreHistogramGroup(string Name, int[] Counts);

/// <summary><c>removed-examples.json</c> or <c>surviving-poisons.json</c>: training images a defence scored, with pictures.</summary>
public sealed record ExampleGrid(string Title, IReadOnlyList<GridExample> Examples);

/// <summary>One pictured training image: its labels, the attack that poisoned it (if any), its score, and a PNG data URI.</summary>
public sealed record GridExample(int Index, int GivenLabel, int TrueLabel, string? Attack, double Score, string Image);
