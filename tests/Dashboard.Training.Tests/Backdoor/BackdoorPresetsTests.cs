using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorPresetsTests
{
    [Fact]
    public void PresetNamesUnique()
    {
        var names = BackdoorPresets.All.Select(preset => preset.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryPresetValid()
    {
        var kind = new BackdoorExperiment();

        Assert.All(BackdoorPresets.All, preset => Assert.Empty(kind.Validate(preset.Create())));
    }

    [Fact]
    public void IdsUnique()
    {
        Assert.Equal(BackdoorPresets.All.Count, BackdoorPresets.All.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void EarlierIdsKept()
    {
        string[] earlier = ["reference", "paper-recipe", "quick-check", "patch-only", "blend-random-only"];

        Assert.All(earlier, id => Assert.Contains(BackdoorPresets.All, preset => preset.Id == id));
    }

    [Fact]
    public void OneSinglePresetPerType()
    {
        string[] expected =
        [
            "single-patch", "single-single-pixel", "single-blend-random", "single-blend-checkerboard", "single-sinusoid",
            "single-frequency", "single-narcissus", "single-wanet", "single-bad-nets",
        ];

        Assert.Equal(expected, BackdoorPresets.All.Select(p => p.Id).Where(id => id.StartsWith("single-", StringComparison.Ordinal)));
    }

    [Fact]
    public void SinglePresetHasOneAttack()
    {
        var preset = BackdoorPresets.All.Single(p => p.Id == "single-sinusoid");

        var attack = Assert.Single(((BackdoorConfiguration)preset.Create()).Attacks);

        Assert.Equal((AttackType.Sinusoid, 0.1, 0.075), (attack.Type, attack.PoisonRatio, attack.Strength));
    }

    [Fact]
    public void PaperAllAttacksListsSevenDrawnAttacks()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks;

        Assert.Equal(
            new[] { AttackType.Patch, AttackType.SinglePixel, AttackType.BlendRandom, AttackType.BlendCheckerboard, AttackType.Sinusoid, AttackType.Narcissus, AttackType.Frequency },
            attacks.Select(a => a.Type));
        Assert.All(attacks, attack => Assert.True(attack.DrawTargetClass));
        Assert.Equal(new[] { 0.01, 0.01, 0.01, 0.01, 0.1, 0.005, 0.01 }, attacks.Select(a => a.PoisonRatio));
    }

    [Fact]
    public void GtsrbSetUsesGtsrbRatios()
    {
        var configuration = BackdoorPresets.PaperGtsrbSet();
        var attacks = configuration.Attacks;

        Assert.Equal(BackdoorDataset.Gtsrb, configuration.Dataset);
        Assert.Equal(39_209, configuration.TrainingSubsetSize);
        Assert.DoesNotContain(attacks, attack => attack.Type == AttackType.Narcissus);
        Assert.Equal(0.02, attacks.Single(a => a.Type == AttackType.Patch).PoisonRatio);
        Assert.Equal(0.04, attacks.Single(a => a.Type == AttackType.SinglePixel).PoisonRatio);
    }

    [Fact]
    public void PresetsCreateFreshConfigurations()
    {
        var preset = BackdoorPresets.All.Single(p => p.Id == BackdoorPresets.PaperAllAttacksId);

        Assert.NotSame(preset.Create(), preset.Create());
    }
}
