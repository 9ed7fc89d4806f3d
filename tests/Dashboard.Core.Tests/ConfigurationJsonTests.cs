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

        var error = Assert.Single(errors);
        Assert.Null(value);
        Assert.StartsWith("Unknown field 'epoch'", error.Message);
        Assert.Contains("epochs", error.Message);
        Assert.DoesNotContain("SampleConfiguration", error.Message);
    }

    [Fact]
    public void ReportsWrongTypeWithPath()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"items":[{"weight":"heavy"}]}""", out var errors);

        var error = Assert.Single(errors);
        Assert.Null(value);
        Assert.Equal("items[0].weight", error.Path);
        Assert.Equal("Weight must be a number.", error.Message);
    }

    [Fact]
    public void RejectsEnumAsNumber()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"shape":1}""", out var errors);

        var error = Assert.Single(errors);
        Assert.Null(value);
        Assert.Equal("shape", error.Path);
        Assert.Equal("Shape must be one of \"round\", \"square\".", error.Message);
    }

    [Fact]
    public void ReportsMalformedJsonWithLine()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), "{\n\"epochs\": }", out var errors);

        Assert.Null(value);
        Assert.Contains("line 2", Assert.Single(errors).Message);
    }

    [Fact]
    public void ReportsUnknownNestedFieldWithItsSiblings()
    {
        var value = ConfigurationJson.Deserialize(typeof(SampleConfiguration), """{"items":[{"wieght":0.3}]}""", out var errors);

        var error = Assert.Single(errors);
        Assert.Null(value);
        Assert.Equal("Unknown field 'wieght'; the fields here are weight, slot.", error.Message);
    }

    [Fact]
    public void OverlayMergesObjectsAndReplacesLists()
    {
        string merged = ConfigurationJson.Overlay(
            """{"epochs":1,"learningRate":0.5,"items":[{"weight":0.1},{"weight":0.2}],"options":{"fallback":"round","corners":3}}""",
            """{"epochs":7,"items":[{"weight":0.9}],"options":{"corners":5}}""");

        Assert.Equal("""{"epochs":7,"learningRate":0.5,"items":[{"weight":0.9}],"options":{"fallback":"round","corners":5}}""", merged);
    }

    [Fact]
    public void OverlayKeepsInvalidOverlayForItsError()
    {
        Assert.Equal("[1,2]", ConfigurationJson.Overlay("""{"epochs":1}""", "[1,2]"));
    }
}
