using System.Text.Json;

namespace Dashboard.Training.Defences.Artifacts;

/// <summary>
/// The run artifact <c>score-histogram.json</c>: the distribution of a defence's score over the training rows,
/// one group of counts for the unpoisoned rows ("clean") and one per attack, over shared equal-width bins:
/// <c>{"defence", "scoreName", "binEdges": [n + 1 ascending], "groups": [{"name", "counts": [n]}]}</c>.
/// Bins are half-open [edge_i, edge_i+1) except the last, which includes its upper edge.
/// </summary>
public static class ScoreHistogramArtifact
{
    public const string Name = "score-histogram.json";

    public const string ContentType = "application/json";

    public const int BinCount = 20;

    public const string CleanGroup = "clean";

    public static byte[] Create(string defence, DetectionResult detection, TrainingRows rows)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(rows);

        double[] edges = BinEdges(detection.Scores);
        var groups = new List<Group> { new(CleanGroup, new int[BinCount]) };
        groups.AddRange(rows.AttackLabels.Select(label => new Group(label, new int[BinCount])));
        for (int row = 0; row < rows.Count; row++)
        {
            int group = rows.AttackOfRow[row] + 1;
            groups[group].Counts[Bin(detection.Scores[row], edges)]++;
        }

        var document = new Document(defence, detection.ScoreName, edges, groups);
        return JsonSerializer.SerializeToUtf8Bytes(document, ArtifactJson.Options);
    }

    /// <summary>Returns <see cref="BinCount"/> + 1 equal-width edges from the lowest to the highest score, widened when all scores are equal.</summary>
    public static double[] BinEdges(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);

        double low = scores.Count == 0 ? 0 : scores.Min();
        double high = scores.Count == 0 ? 1 : scores.Max();
        if (!(high > low))
        {
            low -= 0.5;
            high += 0.5;
        }

        var edges = new double[BinCount + 1];
        for (int i = 0; i <= BinCount; i++)
        {
            edges[i] = low + (high - low) * i / BinCount;
        }

        edges[BinCount] = high;
        return edges;
    }

    private static int Bin(double score, double[] edges)
    {
        int bin = (int)((score - edges[0]) / (edges[^1] - edges[0]) * BinCount);
        return Math.Clamp(bin, 0, BinCount - 1);
    }

    private sealed record Document(string Defence, string ScoreName, double[] BinEdges, IReadOnlyList<Group> Groups);

    private sealed record Group(string Name, int[] Counts);
}
