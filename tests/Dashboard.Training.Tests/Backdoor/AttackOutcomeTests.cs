using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class AttackOutcomeTests
{
    // Target class 3. The two images whose true class is 3 are predicted as 3 and must not count.
    private static readonly int[] TrueLabels = [0, 1, 2, 3, 3, 4, 5, 6];
    private static readonly long[] Predictions = [3, 3, 2, 3, 3, 4, 3, 0];

    [Fact]
    public void AsrExcludesTargetClassImages()
    {
        var outcome = AttackOutcome.Measure(Predictions, TrueLabels, targetClass: 3);

        // 3 of the 6 non-target images (true classes 0, 1, 5) are predicted as 3.
        Assert.Equal(3.0 / 6, outcome.AttackSuccessRate);
    }

    [Fact]
    public void RobustAccuracyExcludesTargetClassImages()
    {
        var outcome = AttackOutcome.Measure(Predictions, TrueLabels, targetClass: 3);

        // The images of classes 2 and 4 keep their true label.
        Assert.Equal(2.0 / 6, outcome.RobustAccuracy);
    }

    [Fact]
    public void CountsOnlyNonTargetImages()
    {
        var outcome = AttackOutcome.Measure(Predictions, TrueLabels, targetClass: 3);

        Assert.Equal(6, outcome.ImageCount);
    }

    [Fact]
    public void OnlyTargetImagesGiveZero()
    {
        var outcome = AttackOutcome.Measure([3, 3], [3, 3], targetClass: 3);

        Assert.Equal(new AttackOutcome(0, 0, 0), outcome);
    }

    [Fact]
    public void LengthMismatchRejected()
    {
        Assert.Throws<ArgumentException>(() => AttackOutcome.Measure([1, 2], [1], targetClass: 0));
    }
}
