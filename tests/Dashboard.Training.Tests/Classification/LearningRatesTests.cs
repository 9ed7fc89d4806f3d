using Dashboard.Training.Classification;

namespace Dashboard.Training.Tests.Classification;

public sealed class LearningRatesTests
{
    [Fact]
    public void CosineStartsAtBaseRate()
    {
        Assert.Equal(0.1, LearningRates.At(LearningRateSchedule.Cosine, 0.1, stepIndex: 0, totalSteps: 100));
    }

    [Fact]
    public void CosineHalvesAtMidpoint()
    {
        Assert.Equal(0.05, LearningRates.At(LearningRateSchedule.Cosine, 0.1, stepIndex: 50, totalSteps: 100), precision: 15);
    }

    [Fact]
    public void CosineReachesZeroAtEnd()
    {
        Assert.Equal(0, LearningRates.At(LearningRateSchedule.Cosine, 0.1, stepIndex: 100, totalSteps: 100), precision: 15);
    }

    [Fact]
    public void ConstantNeverChanges()
    {
        Assert.Equal(0.1, LearningRates.At(LearningRateSchedule.Constant, 0.1, stepIndex: 99, totalSteps: 100));
    }
}
