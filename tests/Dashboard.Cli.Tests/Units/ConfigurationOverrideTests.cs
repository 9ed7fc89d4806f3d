using System.Text.Json.Nodes;
using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Tests.Units;

/// <summary>Parsing and applying <c>--set key=value</c>.</summary>
public sealed class ConfigurationOverrideTests
{
    [Theory]
    [InlineData("epochs=3", "{\"epochs\":3}")]
    [InlineData("learningRate=1e-3", "{\"learningRate\":1e-3}")]
    [InlineData("verbose=true", "{\"verbose\":true}")]
    [InlineData("note=null", "{\"note\":null}")]
    [InlineData("defence.kind=badLoss", "{\"defence\":{\"kind\":\"badLoss\"}}")]
    [InlineData("name=\"3\"", "{\"name\":\"3\"}")]
    [InlineData("name=a=b", "{\"name\":\"a=b\"}")]
    [InlineData("name=", "{\"name\":\"\"}")]
    [InlineData("sizes=[1,2]", "{\"sizes\":[1,2]}")]
    public void ApplyToEmptyConfiguration(string option, string expected)
    {
        var configuration = new JsonObject();

        ConfigurationOverride.Parse(option).Apply(configuration);

        Assert.Equal(expected, configuration.ToJsonString());
    }

    [Theory]
    [InlineData("attacks[1].targetClass=7")]
    [InlineData("attacks.1.targetClass=7")]
    public void ApplyToListItem(string option)
    {
        var configuration = JsonNode.Parse("""{"attacks":[{"targetClass":0},{"targetClass":1}]}""")!.AsObject();

        ConfigurationOverride.Parse(option).Apply(configuration);

        Assert.Equal("""{"attacks":[{"targetClass":0},{"targetClass":7}]}""", configuration.ToJsonString());
    }

    [Fact]
    public void ApplyKeepsSiblingFields()
    {
        var configuration = JsonNode.Parse("""{"defence":{"kind":"none","epochs":2},"epochs":5}""")!.AsObject();

        ConfigurationOverride.Parse("defence.kind=badLoss").Apply(configuration);

        Assert.Equal("""{"defence":{"kind":"badLoss","epochs":2},"epochs":5}""", configuration.ToJsonString());
    }

    [Theory]
    [InlineData("epochs", "has no '='")]
    [InlineData("=3", "no field name")]
    [InlineData("defence..kind=x", "empty part")]
    [InlineData("attacks[x].type=patch", "malformed list index")]
    [InlineData("[0].type=patch", "must start with a field name")]
    public void ParseRejectsMalformedOption(string option, string expected)
    {
        var error = Assert.Throws<CliException>(() => ConfigurationOverride.Parse(option));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains(expected, error.Message);
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void ApplyRejectsIndexPastEnd()
    {
        var configuration = JsonNode.Parse("""{"attacks":[{"targetClass":0}]}""")!.AsObject();

        var error = Assert.Throws<CliException>(() => ConfigurationOverride.Parse("attacks[3].targetClass=1").Apply(configuration));

        Assert.Contains("has 1 item(s)", error.Message);
    }

    [Fact]
    public void ApplyRejectsIndexIntoMissingList()
    {
        var error = Assert.Throws<CliException>(() => ConfigurationOverride.Parse("attacks[0].targetClass=1").Apply(new JsonObject()));

        Assert.Contains("no list 'attacks'", error.Message);
    }

    [Fact]
    public void ApplyRejectsFieldInsideNumber()
    {
        var configuration = JsonNode.Parse("""{"epochs":5}""")!.AsObject();

        var error = Assert.Throws<CliException>(() => ConfigurationOverride.Parse("epochs.count=1").Apply(configuration));

        Assert.Contains("'count' needs an object", error.Message);
    }
}
