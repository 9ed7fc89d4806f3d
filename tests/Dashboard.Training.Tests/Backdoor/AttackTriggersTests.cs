using Dashboard.Training.Backdoor;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class AttackTriggersTests
{
    private static readonly ImageShape Shape = new(1, 28, 28);

    [Theory]
    [InlineData(AttackType.BlendRandom)]
    [InlineData(AttackType.BlendCheckerboard)]
    [InlineData(AttackType.Sinusoid)]
    public void BlendAttacksBoostAtTwiceStrength(AttackType type)
    {
        var attack = AttackSettings.Create(type, targetClass: 0);

        var triggers = AttackTriggers.For(type, TriggerFactory.Create(attack, Shape, patternSeed: 1));

        Assert.Equal(2 * attack.Strength, AlphaOf(triggers.Boosted!), 1e-7);
        Assert.Equal(attack.Strength, AlphaOf(triggers.Test), 1e-7);
    }

    [Theory]
    [InlineData(AttackType.Patch)]
    [InlineData(AttackType.SinglePixel)]
    [InlineData(AttackType.Frequency)]
    [InlineData(AttackType.WaNet)]
    [InlineData(AttackType.BadNets)]
    public void OtherAttacksHaveNoBoost(AttackType type)
    {
        var trigger = TriggerFactory.Create(AttackSettings.Create(type, targetClass: 0), Shape, patternSeed: 1);

        var triggers = AttackTriggers.For(type, trigger);

        Assert.Null(triggers.Boosted);
        Assert.Same(trigger, triggers.Test);
    }

    [Fact]
    public void FactoryRejectsNarcissus()
    {
        Assert.Throws<ArgumentException>(() => TriggerFactory.Create(AttackSettings.Create(AttackType.Narcissus, targetClass: 0), Shape, 1));
    }

    private static double AlphaOf(ITrigger trigger) => trigger switch
    {
        BlendTrigger blend => blend.Alpha,
        BlendRandomTrigger random => random.Alpha,
        _ => throw new InvalidOperationException($"{trigger.GetType().Name} is not a blend trigger."),
    };
}
