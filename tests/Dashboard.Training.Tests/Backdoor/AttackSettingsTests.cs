using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class AttackSettingsTests
{
    [Fact]
    public void TypeChangeMovesDefaultStrength()
    {
        var attack = new AttackSettings();

        attack.Type = AttackType.BlendRandom;
        attack.OnFieldChanged("type", AttackType.Patch);

        Assert.Equal(AttackSettings.DefaultBlendStrength, attack.Strength);
    }

    [Fact]
    public void TypeChangeKeepsCustomStrength()
    {
        var attack = new AttackSettings { Strength = 0.5 };

        attack.Type = AttackType.BlendRandom;
        attack.OnFieldChanged("type", AttackType.Patch);

        Assert.Equal(0.5, attack.Strength);
    }

    [Fact]
    public void OtherFieldChangeKeepsStrength()
    {
        var attack = AttackSettings.Create(AttackType.BlendRandom, targetClass: 1);

        attack.TargetClass = 3;
        attack.OnFieldChanged("targetClass", 1);

        Assert.Equal(AttackSettings.DefaultBlendStrength, attack.Strength);
    }
}
