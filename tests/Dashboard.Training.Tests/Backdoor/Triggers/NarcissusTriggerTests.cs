using Dashboard.Training.Backdoor;
using Dashboard.Training.Backdoor.Narcissus;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor.Triggers;

public sealed class NarcissusTriggerTests
{
    private static readonly ImageShape Shape = new(1, 2, 2);

    private static readonly float[] Delta = [0.0625f, -0.0625f, 0.125f, 0f];

    [Fact]
    public void AddsPerturbation()
    {
        float[] image = [0.5f, 0.5f, 0.25f, 1f];

        new NarcissusTrigger(Shape, Delta).Apply(image);

        Assert.Equal(new[] { 0.5625f, 0.4375f, 0.375f, 1f }, image);
    }

    [Fact]
    public void TestMultiplierScalesPerturbation()
    {
        float[] image = [0.5f, 0.5f, 0.25f, 1f];

        new NarcissusTrigger(Shape, Delta).Scale(3).Apply(image);

        Assert.Equal(new[] { 0.6875f, 0.3125f, 0.625f, 1f }, image);
    }

    [Fact]
    public void ClampsToUnitRange()
    {
        float[] image = [1f, 0f, 0.95f, 0.5f];

        new NarcissusTrigger(Shape, Delta).Apply(image);

        Assert.Equal(new[] { 1f, 0f, 1f, 0.5f }, image);
    }

    [Fact]
    public void AttackTriggersMagnifyNarcissusOnTest()
    {
        var triggers = AttackTriggers.For(AttackType.Narcissus, new NarcissusTrigger(Shape, Delta), testMultiplier: 3);

        Assert.Equal(1, Assert.IsType<NarcissusTrigger>(triggers.Training).Multiplier);
        Assert.Equal(3, Assert.IsType<NarcissusTrigger>(triggers.Test).Multiplier);
        Assert.Null(triggers.Boosted);
    }
}
