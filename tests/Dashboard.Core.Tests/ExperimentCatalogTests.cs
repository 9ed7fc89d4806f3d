using Dashboard.Core.Experiments;

namespace Dashboard.Core.Tests;

public sealed class ExperimentCatalogTests
{
    private readonly ExperimentCatalog _catalog = new([new SampleKind()]);

    [Fact]
    public void ParsesEmptyConfigurationAsDefaults()
    {
        var result = _catalog.Parse("sample", null);

        Assert.True(result.IsValid);
        Assert.Equal(3, Assert.IsType<SampleConfiguration>(result.Configuration).Epochs);
    }

    [Fact]
    public void RejectsUnknownKindNamingKnownOnes()
    {
        var error = Assert.Single(_catalog.Parse("other", null).Errors);

        Assert.Equal("kind", error.Path);
        Assert.Contains("sample", error.Message);
    }

    [Fact]
    public void PrefixesFieldErrorsWithConfiguration()
    {
        var error = Assert.Single(_catalog.Parse("sample", """{"learningRate":0}""").Errors);

        Assert.Equal("configuration.learningRate", error.Path);
    }

    [Fact]
    public void AppliesKindRules()
    {
        var error = Assert.Single(_catalog.Parse("sample", """{"epochs":1,"items":[{},{}]}""").Errors);

        Assert.Equal("configuration.items", error.Path);
    }

    [Fact]
    public void RejectsDuplicateKindIds()
    {
        Assert.Throws<InvalidOperationException>(() => new ExperimentCatalog([new SampleKind(), new SampleKind()]));
    }

    [Fact]
    public void RunRejectsInvalidConfigurationNamingField()
    {
        var kind = new SampleKind();

        var error = Assert.Throws<RunFailedException>(() => kind.Run(new SampleConfiguration { Epochs = 0 }, new SilentRunContext()));

        Assert.Contains("epochs", error.Message);
    }
}
