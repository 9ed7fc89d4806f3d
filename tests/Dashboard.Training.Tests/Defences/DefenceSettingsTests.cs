using Dashboard.Core.Configuration;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;

namespace Dashboard.Training.Tests.Defences;

public sealed class DefenceSettingsTests
{
    private readonly BackdoorExperiment _kind = new();

    [Fact]
    public void DefaultIsNoDefence()
    {
        Assert.Equal(DefenceKind.None, _kind.CreateDefault().Defence.Kind);
    }

    [Fact]
    public void DefaultsArePaperValues()
    {
        var defence = new DefenceSettings();

        Assert.Equal(
            (250, 30, 50, 0.4, 2.0, 3, 20, 10, 0.35, 0.5, 0.01, 5, 5e-4),
            (defence.ProbeCount, defence.TrajectoryEpochs, defence.NearestProbes, defence.RemovalFraction, defence.SpikeFactor,
             defence.SpikeWindow, defence.TwoClassNearestProbes, defence.ClusteringComponents, defence.ClusterSizeThreshold,
             defence.AblGamma, defence.AblIsolationFraction, defence.AblUnlearningEpochs, defence.AblUnlearningRate));
    }

    [Theory]
    [InlineData(DefenceKind.BadLoss)]
    [InlineData(DefenceKind.SpectralSignatures)]
    [InlineData(DefenceKind.ActivationClustering)]
    [InlineData(DefenceKind.AntiBackdoorLearning)]
    public void EveryKindValidWithDefaults(DefenceKind kind)
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.Kind = kind;

        Assert.Empty(_kind.Validate(configuration));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.2)]
    [InlineData(1.0)]
    public void RemovalFractionOutsideRangeRejected(double fraction)
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.Kind = DefenceKind.BadLoss;
        configuration.Defence.RemovalFraction = fraction;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("defence.removalFraction", error.Path);
        Assert.Contains("between 0 (exclusive) and 1 (exclusive)", error.Message);
    }

    [Fact]
    public void SpectralFractionOutsideRangeRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.SpectralRemovalFraction = 1.2;

        Assert.Equal("defence.spectralRemovalFraction", Assert.Single(_kind.Validate(configuration)).Path);
    }

    [Fact]
    public void NearestProbesAboveProbeCountRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.Kind = DefenceKind.BadLoss;
        configuration.Defence.ProbeCount = 40;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("defence.nearestProbes", error.Path);
        Assert.Contains("between 1 and the number of clean probes (40); got 50", error.Message);
    }

    [Fact]
    public void NearestProbesIgnoredWithoutBadLoss()
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.ProbeCount = 40;

        Assert.Empty(_kind.Validate(configuration));
    }

    [Fact]
    public void ProbesAboveCleanImagesRejected()
    {
        // 1,000 images with two attacks at 1% leave 980 unpoisoned images.
        var configuration = _kind.CreateDefault();
        configuration.TrainingSubsetSize = 1_000;
        configuration.Defence.Kind = DefenceKind.BadLoss;
        configuration.Defence.ProbeCount = 990;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("defence.probeCount", error.Path);
        Assert.Contains("between 1 and 980", error.Message);
    }

    [Fact]
    public void BackdoorProbesBeyondCleanImagesRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.TrainingSubsetSize = 1_000;
        configuration.Defence.Kind = DefenceKind.BadLoss;
        configuration.Defence.BackdoorProbes = true;
        configuration.Defence.BackdoorProbeCount = 800;

        Assert.Equal("defence.backdoorProbeCount", Assert.Single(_kind.Validate(configuration)).Path);
    }

    [Fact]
    public void BackdoorProbeLabelAboveClassesRejected()
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.Kind = DefenceKind.BadLoss;
        configuration.Defence.BackdoorProbes = true;
        configuration.Defence.BackdoorProbeLabel = 10;

        var error = Assert.Single(_kind.Validate(configuration));

        Assert.Equal("defence.backdoorProbeLabel", error.Path);
        Assert.Contains("between 0 and 9", error.Message);
    }

    [Theory]
    [InlineData("trajectoryEpochs")]
    [InlineData("ablIsolationEpochs")]
    [InlineData("ablUnlearningEpochs")]
    public void ZeroEpochsRejected(string field)
    {
        var configuration = _kind.CreateDefault();
        var property = typeof(DefenceSettings).GetProperties().Single(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        property.SetValue(configuration.Defence, 0);

        Assert.Equal($"defence.{field}", Assert.Single(_kind.Validate(configuration)).Path);
    }

    [Fact]
    public void KindSerialisesCamelCase()
    {
        var configuration = _kind.CreateDefault();
        configuration.Defence.Kind = DefenceKind.AntiBackdoorLearning;

        string json = ConfigurationJson.Serialize(configuration);

        Assert.Contains("\"defence\":{\"kind\":\"antiBackdoorLearning\"", json);
    }

    [Fact]
    public void JsonWithDefenceReadsBack()
    {
        var configuration = (BackdoorConfiguration)ConfigurationJson.Deserialize(
            typeof(BackdoorConfiguration), """{"defence":{"kind":"spectralSignatures","spectralRemovalFraction":0.2}}""", out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(DefenceKind.SpectralSignatures, configuration.Defence.Kind);
        Assert.Equal(0.2, configuration.Defence.SpectralRemovalFraction);
    }

    [Fact]
    public void EnumValuesAreDocumented()
    {
        var kind = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Find("defence.kind")!;

        Assert.Equal(
            new[] { "none", "badLoss", "spectralSignatures", "activationClustering", "antiBackdoorLearning" },
            kind.Choices.Select(choice => choice.Value));
    }

    [Fact]
    public void EveryFieldCitesItsDefence()
    {
        var fields = ConfigurationSchema.For(typeof(BackdoorConfiguration)).FieldsAt("defence")!;

        Assert.All(fields.Skip(1), field => Assert.Matches("^(BaDLoss|Spectral Signatures|Activation Clustering|Anti-Backdoor Learning)", field.Description));
    }
}
