using Dashboard.Core.Configuration;
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

    [Fact]
    public void TypeChangeMovesDefaultRatio()
    {
        var attack = new AttackSettings();

        attack.Type = AttackType.Sinusoid;
        attack.OnFieldChanged("type", AttackType.Patch);

        Assert.Equal(AttackSettings.DefaultSinusoidPoisonRatio, attack.PoisonRatio);
        Assert.Equal(AttackSettings.DefaultSinusoidStrength, attack.Strength);
    }

    [Fact]
    public void TypeChangeKeepsCustomRatio()
    {
        var attack = new AttackSettings { PoisonRatio = 0.03 };

        attack.Type = AttackType.WaNet;
        attack.OnFieldChanged("type", AttackType.Patch);

        Assert.Equal(0.03, attack.PoisonRatio);
        Assert.Equal(AttackSettings.DefaultWaNetStrength, attack.Strength);
    }

    [Theory]
    [InlineData(AttackType.Patch, 0.01, 1.0)]
    [InlineData(AttackType.SinglePixel, 0.01, 1.0)]
    [InlineData(AttackType.BlendRandom, 0.01, 0.075)]
    [InlineData(AttackType.BlendCheckerboard, 0.01, 0.025)]
    [InlineData(AttackType.Sinusoid, 0.1, 0.075)]
    [InlineData(AttackType.Frequency, 0.01, 30.0)]
    [InlineData(AttackType.Narcissus, 0.005, 16.0 / 255)]
    [InlineData(AttackType.WaNet, 0.1, 0.5)]
    [InlineData(AttackType.BadNets, 0.1, 1.0)]
    public void CreateUsesPaperDefaults(AttackType type, double ratio, double strength)
    {
        var attack = AttackSettings.Create(type, targetClass: 0);

        Assert.Equal(ratio, attack.PoisonRatio);
        Assert.Equal(strength, attack.Strength);
    }

    [Fact]
    public void CreateDrawnSetsFlag()
    {
        Assert.True(AttackSettings.CreateDrawn(AttackType.Patch).DrawTargetClass);
        Assert.False(AttackSettings.Create(AttackType.Patch, targetClass: 0).DrawTargetClass);
    }

    [Fact]
    public void EnumJsonValuesStable()
    {
        string[] expected =
        [
            "patch", "singlePixel", "blendRandom", "blendCheckerboard", "sinusoid", "frequency", "narcissus", "waNet", "badNets",
        ];

        Assert.Equal(expected, Enum.GetValues<AttackType>().Select(type => ConfigurationSchema.EnumJsonValue(type)));
    }

    [Fact]
    public void LabelsAreSnakeCase()
    {
        string[] expected =
        [
            "patch", "single_pixel", "blend_random", "blend_checkerboard", "sinusoid", "frequency", "narcissus", "wanet", "bad_nets",
        ];

        Assert.Equal(expected, Enum.GetValues<AttackType>().Select(AttackLabels.SnakeCase));
    }

    [Fact]
    public void OnlySinusoidAndNarcissusCleanLabel()
    {
        var cleanLabel = Enum.GetValues<AttackType>().Where(type => type.IsCleanLabel());

        Assert.Equal(new[] { AttackType.Sinusoid, AttackType.Narcissus }, cleanLabel);
    }
}
