using Dashboard.Core.Configuration;

namespace Dashboard.Core.Tests;

public sealed class ConfigurationValidatorTests
{
    [Fact]
    public void AcceptsDefaults()
    {
        Assert.Empty(ConfigurationValidator.Validate(new SampleConfiguration()));
    }

    [Fact]
    public void RejectsValueBelowInclusiveMinimum()
    {
        var error = Assert.Single(ConfigurationValidator.Validate(new SampleConfiguration { Epochs = 0 }));

        Assert.Equal("epochs", error.Path);
        Assert.Equal("Epochs must be between 1 and 1000; got 0.", error.Message);
    }

    [Fact]
    public void RejectsExclusiveMinimumItself()
    {
        var configuration = new SampleConfiguration { Items = [new SampleItem { Weight = 0 }] };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration));

        Assert.Equal("items[0].weight", error.Path);
        Assert.Contains("between 0 (exclusive) and 1", error.Message);
    }

    [Fact]
    public void RejectsNaN()
    {
        var error = Assert.Single(ConfigurationValidator.Validate(new SampleConfiguration { LearningRate = double.NaN }));

        Assert.Equal("learningRate", error.Path);
        Assert.Contains("finite", error.Message);
    }

    [Fact]
    public void RejectsTooManyItems()
    {
        var configuration = new SampleConfiguration { Items = [new(), new(), new(), new()] };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration));

        Assert.Equal("items", error.Path);
        Assert.Contains("at most 3", error.Message);
    }

    [Fact]
    public void RejectsUndefinedEnumValue()
    {
        var error = Assert.Single(ConfigurationValidator.Validate(new SampleConfiguration { Shape = (SampleShape)7 }));

        Assert.Equal("shape", error.Path);
        Assert.Contains("round, square", error.Message);
    }
}
