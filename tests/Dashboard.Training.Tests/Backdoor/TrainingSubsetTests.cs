using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class TrainingSubsetTests
{
    [Fact]
    public void FullSizeKeepsEveryImage()
    {
        Assert.Equal(Enumerable.Range(0, 50), TrainingSubset.Choose(50, 50, seed: 3));
    }

    [Fact]
    public void SampleIsDistinctAndAscending()
    {
        var subset = TrainingSubset.Choose(1000, 100, seed: 3);

        Assert.Equal(100, subset.Distinct().Count());
        Assert.Equal(subset.Order(), subset);
    }

    [Fact]
    public void SameSeedSameSample()
    {
        Assert.Equal(TrainingSubset.Choose(1000, 100, seed: 3), TrainingSubset.Choose(1000, 100, seed: 3));
    }

    [Fact]
    public void SubsetLargerThanDatasetRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingSubset.Choose(10, 11, seed: 3));
    }
}
