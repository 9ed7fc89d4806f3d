using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Tests.Defences;

public sealed class RocAucTests
{
    [Fact]
    public void TiesCountAsHalf()
    {
        // Positives 0.9, 0.5, 0.3; negatives 0.5, 0.2, 0.1, 0.3. Of the 12 pairs the positive scores higher in
        // 4 + 3 + 2 = 9 (0.9 beats all four, 0.5 beats 0.3, 0.2 and 0.1, 0.3 beats 0.2 and 0.1) and ties in 2
        // (0.5 with 0.5, 0.3 with 0.3): AUC = (9 + 2 / 2) / 12 = 10 / 12.
        double[] scores = [0.9, 0.5, 0.3, 0.5, 0.2, 0.1, 0.3];
        bool[] flags = [true, true, true, false, false, false, false];

        Assert.Equal(10.0 / 12, RocAuc.Compute(scores, flags), precision: 12);
    }

    [Fact]
    public void PerfectSeparationIsOne()
    {
        Assert.Equal(1.0, RocAuc.Compute([3.0, 2.0, 1.0, 0.0], [true, true, false, false]));
    }

    [Fact]
    public void ReversedSeparationIsZero()
    {
        Assert.Equal(0.0, RocAuc.Compute([0.0, 1.0, 2.0, 3.0], [true, true, false, false]));
    }

    [Fact]
    public void AllTiedIsHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([1.0, 1.0, 1.0], [true, false, false]));
    }

    [Fact]
    public void OneClassOnlyIsNaN()
    {
        Assert.True(double.IsNaN(RocAuc.Compute([1.0, 2.0], [false, false])));
    }

    [Fact]
    public void MismatchedLengthsRejected()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([1.0, 2.0], [true]));
    }
}
