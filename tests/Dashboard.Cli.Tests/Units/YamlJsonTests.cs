using System.Text.Json.Nodes;
using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Tests.Units;

/// <summary>YAML to JSON conversion of launch files, and YAML written back from JSON.</summary>
public sealed class YamlJsonTests
{
    [Fact]
    public void ParseConvertsNestedDocument()
    {
        const string yaml = """
            kind: backdoor
            configuration:
              epochs: 3
              learningRate: 0.001
              shuffle: true
              note: ~
              attacks:
                - type: patch
                  targetClass: 0
                - {type: blendRandom, targetClass: 1}
            """;

        var json = YamlJson.Parse(yaml);

        Assert.Equal(
            """{"kind":"backdoor","configuration":{"epochs":3,"learningRate":0.001,"shuffle":true,"note":null,"attacks":[{"type":"patch","targetClass":0},{"type":"blendRandom","targetClass":1}]}}""",
            json!.ToJsonString());
    }

    [Theory]
    [InlineData("value: 12", "12")]
    [InlineData("value: -4", "-4")]
    [InlineData("value: 1.5e-3", "0.0015")]
    [InlineData("value: .5", "0.5")]
    [InlineData("value: false", "false")]
    [InlineData("value: null", "null")]
    [InlineData("value:", "null")]
    [InlineData("value: badLoss", "\"badLoss\"")]
    [InlineData("value: '12'", "\"12\"")]
    [InlineData("value: \"true\"", "\"true\"")]
    [InlineData("value: !!str 12", "\"12\"")]
    [InlineData("value: 1.2.3", "\"1.2.3\"")]
    [InlineData("value: yes", "\"yes\"")]
    public void ParseResolvesScalarsByCoreSchema(string yaml, string expected)
    {
        var json = YamlJson.Parse(yaml)!.AsObject();

        Assert.Equal(expected, json["value"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void ParseRejectsDuplicateKeyWithLine()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.Parse("epochs: 1\nbatchSize: 2\nepochs: 3\n"));

        Assert.Contains("Duplicate key epochs", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void ParseRejectsMalformedYamlWithLine()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.Parse("configuration:\n  epochs: [1, 2\n"));

        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void ParseRejectsSeveralDocuments()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.Parse("a: 1\n---\nb: 2\n"));

        Assert.Contains("2 YAML documents", error.Message);
    }

    [Fact]
    public void WriteRoundTripsThroughParse()
    {
        var original = JsonNode.Parse("""
            {"kind":"backdoor","configuration":{"epochs":3,"rate":0.001,"flag":false,"none":null,
             "text":"12","word":"true","colon":"a: b","hash":"# x","empty":"","dash":"- item","spaces":" padded ",
             "list":[1,"two",{"three":3}],"nested":{"deep":{"value":"badLoss"}}}}
            """);

        string yaml = YamlWriter.Write(original);
        var roundTrip = YamlJson.Parse(yaml);

        Assert.Equal(original!.ToJsonString(), roundTrip!.ToJsonString());
    }

    [Fact]
    public void WriteAcceptsBuiltNodes()
    {
        var built = new JsonObject { ["kind"] = "backdoor", ["epochs"] = 3, ["rate"] = 0.5, ["flag"] = true, ["text"] = "12" };

        var roundTrip = YamlJson.Parse(YamlWriter.Write(built));

        Assert.Equal(built.ToJsonString(), roundTrip!.ToJsonString());
    }

    [Fact]
    public void WriteUsesPlainBlockStyle()
    {
        string yaml = YamlWriter.Write(JsonNode.Parse("""{"kind":"backdoor","configuration":{"epochs":3}}"""));

        Assert.Equal($"kind: backdoor{Environment.NewLine}configuration:{Environment.NewLine}  epochs: 3{Environment.NewLine}", yaml.ReplaceLineEndings());
    }
}
