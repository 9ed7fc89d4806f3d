using Dashboard.Training.Defences.BadLoss;

namespace Dashboard.Training.Tests.Defences;

public sealed class TrajectoryScorerTests
{
    private const int Epochs = 10;
    private const int Probes = 250;
    private const int CleanExamples = 500;
    private const int Outliers = 20;

    [Fact]
    public void OutliersRankedFirst()
    {
        var random = new Random(7);
        float[] probes = Trajectories(random, Probes, CleanCurve);
        float[] examples = Concat(Trajectories(random, CleanExamples, CleanCurve), Trajectories(random, Outliers, BackdoorCurve));

        double[] raw = TrajectoryScorer.MeanDistanceToNearestProbes(examples, probes, Epochs, k: 50);
        double[] ranks = TrajectoryScorer.RankScores(raw);

        var topRows = Enumerable.Range(0, ranks.Length).OrderByDescending(row => ranks[row]).Take(Outliers);
        Assert.All(topRows, row => Assert.True(row >= CleanExamples, $"Row {row} is clean but ranked among the top {Outliers}."));
    }

    [Fact]
    public void MeanDistanceMatchesHandComputation()
    {
        // Probes at 0, 1 and 10 on a 1-epoch trajectory; the example at 2 has nearest distances 1 and 2.
        double[] raw = TrajectoryScorer.MeanDistanceToNearestProbes([2f], [0f, 1f, 10f], width: 1, k: 2);

        Assert.Equal(1.5, raw[0], precision: 12);
    }

    [Fact]
    public void DistanceIsEuclideanOverEpochs()
    {
        double[] raw = TrajectoryScorer.MeanDistanceToNearestProbes([3f, 4f], [0f, 0f], width: 2, k: 1);

        Assert.Equal(5.0, raw[0], precision: 12);
    }

    [Fact]
    public void RankScoresSpanZeroToOne()
    {
        double[] ranks = TrajectoryScorer.RankScores([0.5, 0.0, 3.0, 0.5]);

        // The two 0.5s share midrank 1.5 of ranks 0 to 3.
        Assert.Equal(new[] { 0.5, 0, 1, 0.5 }, ranks);
    }

    [Fact]
    public void KAboveProbeCountRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrajectoryScorer.MeanDistanceToNearestProbes([1f], [0f, 1f], width: 1, k: 3));
    }

    [Fact]
    public void TwoClassShareFindsBackdoorLikeExamples()
    {
        var random = new Random(11);
        float[] clean = Trajectories(random, Probes, CleanCurve);
        float[] backdoor = Trajectories(random, Probes, BackdoorCurve);
        float[] examples = Concat(Trajectories(random, CleanExamples, CleanCurve), Trajectories(random, Outliers, BackdoorCurve));

        double[] share = TrajectoryScorer.BackdoorNeighbourShare(examples, clean, backdoor, Epochs, k: 20);

        Assert.All(share[..CleanExamples], value => Assert.True(value < 0.5, $"A clean example has backdoor share {value}."));
        Assert.All(share[CleanExamples..], value => Assert.True(value > 0.5, $"A backdoor-like example has backdoor share {value}."));
    }

    [Fact]
    public void TwoClassShareCountsVotes()
    {
        // Clean probes at 0 and 5, backdoor probes at 1 and 2: the 3 nearest to 1.2 are 1, 2 and 0.
        double[] share = TrajectoryScorer.BackdoorNeighbourShare([1.2f], [0f, 5f], [1f, 2f], width: 1, k: 3);

        Assert.Equal(2.0 / 3, share[0], precision: 12);
    }

    /// <summary>Clean examples are learned gradually: loss from about 2.3 down to about 0.4.</summary>
    private static double CleanCurve(int epoch) => 0.4 + 1.9 * Math.Exp(-epoch / 3.0);

    /// <summary>Backdoor examples are learned within an epoch: loss near 0 from the first recorded epoch.</summary>
    private static double BackdoorCurve(int epoch) => 0.02 + 0.3 * Math.Exp(-epoch);

    private static float[] Trajectories(Random random, int count, Func<int, double> curve)
    {
        var values = new float[count * Epochs];
        for (int i = 0; i < count; i++)
        {
            double scale = 0.8 + 0.4 * random.NextDouble();
            for (int e = 0; e < Epochs; e++)
            {
                values[i * Epochs + e] = (float)Math.Max(0, curve(e) * scale + 0.05 * (random.NextDouble() - 0.5));
            }
        }

        return values;
    }

    private static float[] Concat(float[] first, float[] second) => [.. first, .. second];
}
