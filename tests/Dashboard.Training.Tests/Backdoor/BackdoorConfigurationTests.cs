using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorConfigurationTests
{
    private readonly BackdoorExperiment _kind = new();

    [Fact]
    public void DefaultsValid()
    {
        Assert.Empty(_kind.Validate(_kind.CreateDefault()));
    }

    [Fact]
    public void EveryPresetValid()
    {
        Assert.All(_kind.Presets, preset => Assert.Empty(_kind.Validate(preset.Create())));
    }

    [Fact]
    public void DefaultIsReferenceSetting()
    {
        var configuration = _kind.CreateDefault();

        Assert.Equal(60_000, configuration.TrainingSubsetSize);
        Assert.Equal(new[] { (AttackType.Patch, 0, 0.01, 1.0), (AttackType.BlendRandom, 1, 0.01, 0.075) },
            configuration.Attacks.Select(a => (a.Type, a.TargetClass, a.PoisonRatio, a.Strength)));
        Assert.Equal(128, configuration.BatchSize);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void RatioOutsideRangeRejected(double ratio)
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks[1].PoisonRatio = ratio;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[1].poisonRatio", error.Path);
        Assert.Contains("between 0 (exclusive) and 1", error.Message);
    }

    [Fact]
    public void TargetClassAboveNineRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks[0].TargetClass = 10;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].targetClass", error.Path);
        Assert.Contains("between 0 and 9", error.Message);
    }

    [Fact]
    public void NegativeTargetClassRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks[0].TargetClass = -1;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].targetClass", error.Path);
    }

    [Fact]
    public void SubsetAboveDatasetSizeRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.TrainingSubsetSize = 70_000;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("trainingSubsetSize", error.Path);
        Assert.Contains("between 1 and 60,000", error.Message);
    }

    [Fact]
    public void RatioRoundingToZeroRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.TrainingSubsetSize = 40;

        var errors = _kind.Validate(configuration);

        Assert.Equal(new[] { "attacks[0].poisonRatio", "attacks[1].poisonRatio" }, errors.Select(e => e.Path));
        Assert.Contains("rounds to 0 poisoned images", errors[0].Message);
    }

    [Fact]
    public void SingleAttackAboveNonTargetShareRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks = [AttackSettings.Create(AttackType.Patch, targetClass: 0, poisonRatio: 0.95)];

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks[0].poisonRatio", error.Path);
        Assert.Contains("57,000 images", error.Message);
        Assert.Contains("54,000", error.Message);
    }

    [Fact]
    public void TooManyPoisonsTogetherRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks.ForEach(attack => attack.PoisonRatio = 0.5);

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks", error.Path);
        Assert.Contains("60,000 images", error.Message);
        Assert.Contains("at most 54,000", error.Message);
    }

    [Fact]
    public void NineAttacksRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks = [.. Enumerable.Range(0, 9).Select(i => AttackSettings.Create(AttackType.Patch, targetClass: i))];

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks", error.Path);
    }

    [Fact]
    public void EmptyAttackListRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Attacks = [];

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("attacks", error.Path);
    }

    [Fact]
    public void JsonUsesCamelCaseEnums()
    {
        string json = ConfigurationJson.Serialize(_kind.CreateDefault());

        Assert.Contains("\"type\":\"blendRandom\"", json);
        Assert.Contains("\"dataset\":\"fashionMnist\"", json);
        Assert.Contains("\"optimizer\":\"adamW\"", json);
    }

    [Fact]
    public void JsonRoundTripKeepsValues()
    {
        var original = BackdoorPresets.QuickCheck();
        original.Attacks[1].Strength = 0.1;

        var copy = (BackdoorConfiguration)ConfigurationJson.Clone(original);

        Assert.Equal(ConfigurationJson.Serialize(original), ConfigurationJson.Serialize(copy));
    }

    [Fact]
    public void CatalogRejectsUnknownField()
    {
        var catalog = new ExperimentCatalog([_kind]);

        var result = catalog.Parse(BackdoorExperiment.KindId, """{"epochz": 3}""");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void CatalogParsesPartialJson()
    {
        var catalog = new ExperimentCatalog([_kind]);

        var result = catalog.Parse(BackdoorExperiment.KindId, """{"epochs": 2, "attacks": [{"type": "blendRandom", "targetClass": 4, "poisonRatio": 0.02, "strength": 0.075}]}""");

        var configuration = Assert.IsType<BackdoorConfiguration>(result.Configuration);
        Assert.Equal(4, configuration.Attacks.Single().TargetClass);
    }

    [Fact]
    public void SchemaDescribesEveryField()
    {
        var fields = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Fields;
        var attackFields = fields.Single(f => f.Name == "attacks").Fields;

        Assert.All(fields.Concat(attackFields), field => Assert.False(string.IsNullOrWhiteSpace(field.Description), field.Name));
    }

    [Fact]
    public void SchemaListsAttackLimits()
    {
        var attacks = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Fields.Single(f => f.Name == "attacks");

        Assert.Equal(1, attacks.MinimumItems);
        Assert.Equal(8, attacks.MaximumItems);
    }

    [Fact]
    public void SchemaMarksRatioMinimumExclusive()
    {
        var attacks = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Fields.Single(f => f.Name == "attacks");
        var ratio = attacks.Fields.Single(f => f.Name == "poisonRatio");

        Assert.True(ratio.MinimumIsExclusive);
    }
}
