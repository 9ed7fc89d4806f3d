using Dashboard.Training.Defences.Detection;
using Dashboard.Training.Defences.SpectralSignatures;

namespace Dashboard.Training.Tests.Defences;

public sealed class SpectralSignatureScorerTests
{
    private const int Rows = 400;
    private const int Dimension = 60;
    private const int Planted = 40;

    [Fact]
    public void PlantedDirectionScoresHighest()
    {
        float[] features = SyntheticFeatures.WithPlantedShift(Rows, Dimension, Planted, shift: 10, seed: 3);

        double[] scores = SpectralSignatureScorer.Scores(features, Rows, Dimension, seed: 1);

        var top = Ranks.Top(scores, Planted);
        Assert.All(top, row => Assert.True(row >= Rows - Planted, $"Row {row} is not planted but is among the {Planted} highest scores."));
    }

    [Fact]
    public void RemovalOfOneAndAHalfTimesCatchesAll()
    {
        // The paper's rule: with at most 10% poisoned, remove the top 15% of the class.
        float[] features = SyntheticFeatures.WithPlantedShift(Rows, Dimension, Planted, shift: 6, seed: 5);

        double[] scores = SpectralSignatureScorer.Scores(features, Rows, Dimension, seed: 1);
        var removed = Ranks.Top(scores, (int)(0.15 * Rows)).ToHashSet();

        Assert.All(Enumerable.Range(Rows - Planted, Planted), row => Assert.Contains(row, removed));
    }

    [Fact]
    public void ScoreIsSquaredProjection()
    {
        // Rank-1 data: rows are multiples c_i of one vector, so after centring the projection is (c_i - mean c) × |v|.
        float[] v = [3f, 4f];
        float[] c = [1f, 2f, 3f, 6f];
        float[] features = [.. c.SelectMany(ci => v.Select(vj => ci * vj))];

        double[] scores = SpectralSignatureScorer.Scores(features, rows: 4, dimension: 2, seed: 1);

        Assert.Equal(100, scores[0], precision: 3);
        Assert.Equal(25, scores[1], precision: 3);
        Assert.Equal(0, scores[2], precision: 3);
        Assert.Equal(225, scores[3], precision: 3);
    }
}
