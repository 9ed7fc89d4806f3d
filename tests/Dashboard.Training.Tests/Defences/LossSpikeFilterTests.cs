using Dashboard.Training.Defences.BadLoss;

namespace Dashboard.Training.Tests.Defences;

public sealed class LossSpikeFilterTests
{
    [Fact]
    public void SpikeEpochDropped()
    {
        // Epoch 4 (index 3) has mean 2.0 > 2 × mean(1.0, 0.8, 0.6) = 1.6; the rest fall steadily.
        double[] means = [1.0, 0.8, 0.6, 2.0, 0.5, 0.45];

        Assert.Equal(new[] { 0, 1, 2, 4, 5 }, LossSpikeFilter.KeptEpochs(means, factor: 2, window: 3));
    }

    [Fact]
    public void SmoothTrainingKeepsAll()
    {
        double[] means = [2.3, 1.1, 0.9, 0.8, 0.75];

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, LossSpikeFilter.KeptEpochs(means, factor: 2, window: 3));
    }

    [Fact]
    public void WindowUsesKeptEpochsOnly()
    {
        // Index 2 is a spike. Index 3 (1.3) is compared with the kept 0.5 and 0.6 (limit 1.1), not with the
        // spike, so it is dropped too; index 4 (0.55) is kept.
        double[] means = [0.5, 0.6, 5.0, 1.3, 0.55];

        Assert.Equal(new[] { 0, 1, 4 }, LossSpikeFilter.KeptEpochs(means, factor: 2, window: 3));
    }

    [Fact]
    public void FirstEpochAlwaysKept()
    {
        Assert.Equal(new[] { 0 }, LossSpikeFilter.KeptEpochs([50.0], factor: 2, window: 3));
    }

    [Fact]
    public void ExactlyFactorKept()
    {
        // The rule drops an epoch only when its mean exceeds the limit.
        Assert.Equal(new[] { 0, 1 }, LossSpikeFilter.KeptEpochs([1.0, 2.0], factor: 2, window: 3));
    }
}
