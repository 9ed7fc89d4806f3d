using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorRulesTests
{
    private readonly BackdoorExperiment _kind = new();

    [Fact]
    public void PatchStrengthAboveOneRejected()
    {
        var configuration = WithAttacks(AttackSettings.Create(AttackType.Patch, targetClass: 0));
        configuration.Attacks[0].Strength = 30;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].strength", error.Path);
        Assert.Contains("at most 1", error.Message);
        Assert.Contains("got 30", error.Message);
    }

    [Fact]
    public void FrequencyStrengthOnByteScaleAccepted()
    {
        var configuration = WithAttacks(AttackSettings.Create(AttackType.Frequency, targetClass: 0));

        Assert.Empty(_kind.Validate(configuration));
    }

    [Fact]
    public void FrequencyStrengthAbove255Rejected()
    {
        var configuration = WithAttacks(AttackSettings.Create(AttackType.Frequency, targetClass: 0));
        configuration.Attacks[0].Strength = 300;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].strength", error.Path);
    }

    [Fact]
    public void CleanLabelRatioRoundingToZeroRejected()
    {
        // 0.5% of the about 100 target-class images of a 1,000-image subset is 0.5 → rounds to 1, and
        // 0.4% rounds to 0.
        var configuration = WithAttacks(AttackSettings.Create(AttackType.Narcissus, targetClass: 0, poisonRatio: 0.004));
        configuration.TrainingSubsetSize = 1_000;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].poisonRatio", error.Path);
        Assert.Contains("100 target-class images", error.Message);
        Assert.Contains("rounds to 0", error.Message);
    }

    [Fact]
    public void CleanLabelAttacksOverfillingClassRejected()
    {
        var configuration = WithAttacks(
            AttackSettings.Create(AttackType.Sinusoid, targetClass: 3, poisonRatio: 0.7),
            AttackSettings.Create(AttackType.Narcissus, targetClass: 3, poisonRatio: 0.5));

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks", error.Path);
        Assert.Contains("class 3", error.Message);
        Assert.Contains("7,200", error.Message);
        Assert.Contains("6,000", error.Message);
    }

    [Fact]
    public void DrawnTargetIgnoresTargetField()
    {
        var attack = AttackSettings.CreateDrawn(AttackType.Patch);
        attack.TargetClass = 50;

        Assert.Empty(_kind.Validate(WithAttacks(attack)));
    }

    [Fact]
    public void TooManyPoodImagesRejected()
    {
        var attack = AttackSettings.Create(AttackType.Narcissus, targetClass: 0);
        attack.Narcissus.PoodImages = 55_000;

        var error = Assert.Single(_kind.Validate(WithAttacks(attack)));

        Assert.Equal("attacks[0].narcissus.poodImages", error.Path);
        Assert.Contains("at most 54,000", error.Message);
    }

    [Fact]
    public void WaNetNoiseCountsTowardsTotal()
    {
        // 31% poisons plus 2 × 31% noise-mode images exceed the 90% outside the target class.
        var configuration = WithAttacks(AttackSettings.Create(AttackType.WaNet, targetClass: 0, poisonRatio: 0.31));

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].poisonRatio", error.Path);
        Assert.Contains("37,200 noise-mode images", error.Message);
    }

    [Fact]
    public void NegativeCrossRatioRejected()
    {
        var configuration = WithAttacks(AttackSettings.Create(AttackType.WaNet, targetClass: 0));
        configuration.Attacks[0].CrossRatio = -1;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].crossRatio", error.Path);
    }

    [Fact]
    public void SchemaDescribesNarcissusFields()
    {
        var attacks = Dashboard.Core.Configuration.ConfigurationSchema.For(typeof(BackdoorConfiguration)).Find("attacks")!;
        var narcissus = attacks.Fields.Single(f => f.Name == "narcissus");

        Assert.Equal(
            new[] { "poodImages", "surrogateEpochs", "tuningEpochs", "triggerSteps", "triggerLearningRate", "testMultiplier" },
            narcissus.Fields.Select(f => f.Name));
        Assert.All(narcissus.Fields, field => Assert.False(string.IsNullOrWhiteSpace(field.Description), field.Name));
    }

    private static BackdoorConfiguration WithAttacks(params AttackSettings[] attacks) => new() { Attacks = [.. attacks] };
}
