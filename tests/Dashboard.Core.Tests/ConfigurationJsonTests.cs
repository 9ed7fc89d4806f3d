using Dashboard.Core.Configuration;

namespace Dashboard.Core.Tests;

public sealed class ConfigurationJsonTests
{
    [Fact]
    public void WritesCamelCaseNamesAndEnumStrings()
    {
        string json = ConfigurationJson.Serialize(new SampleConfiguration());

        Assert.Contains("\"learningRate\":0.001", json);
        Assert.Contains("\"shape\":\"square\"", json);
    }

    [Fact]
    public void KeepsDefaultsForMissingFields()
    {
        var configuration = (SampleConfiguration)ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"epochs":9}""", out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(9, configuration.Epochs);
        Assert.Equal(0.001, configuration.LearningRate);
    }

    [Fact]
    public void ReportsUnknownFieldByName()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"epoch":9}""", out var errors);

        Assert.Null(value);
        Assert.Contains("epoch", Assert.Single(errors).Message);
    }

    [Fact]
    public void ReportsWrongTypeWithPath()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"items":[{"weight":"heavy"}]}""", out var errors);

        Assert.Null(value);
        Assert.Equal("items[0].weight", Assert.Single(errors).Path);
    }

    [Fact]
    public void RejectsEnumAsNumber()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"shape":1}""", out var errors);

        Assert.Null(value);
        Assert.Equal("shape", Assert.Single(errors).Path);
    }

    [Fact]
    public void ReportsMalformedJsonWithLine()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), "{\n\"epochs\": }", out var errors);

        Assert.Null(value);
        Assert.Contains("line 2", Assert.Single(errors).Message);
    }
}
