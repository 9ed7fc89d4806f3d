using Dashboard.Cli.Configuration;

namespace Dashboard.Cli.Tests.Units;

/// <summary>Reading launch files in JSON and YAML.</summary>
public sealed class LaunchDocumentTests
{
    [Theory]
    [InlineData("run.yaml", "kind: backdoor\nconfiguration:\n  epochs: 2\n")]
    [InlineData("run.yml", "kind: backdoor\nconfiguration:\n  epochs: 2\n")]
    [InlineData("run.json", "{\"kind\":\"backdoor\",\"configuration\":{\"epochs\":2}}")]
    [InlineData("run.txt", "{\"kind\":\"backdoor\",\"configuration\":{\"epochs\":2}}")]
    [InlineData("run.txt", "kind: backdoor\nconfiguration:\n  epochs: 2\n")]
    public void ParseReadsEitherFormat(string source, string text)
    {
        var document = LaunchDocument.Parse(text, source);

        Assert.Equal("backdoor", document.Kind);
        Assert.Equal("""{"epochs":2}""", document.Configuration!.ToJsonString());
    }

    [Fact]
    public void ParseReadsDownloadedConfigurationFile()
    {
        const string downloaded = """
            {
              "kind": "backdoor",
              "name": "baseline",
              "configuration": { "epochs": 5, "defence": { "kind": "none" } }
            }
            """;

        var document = LaunchDocument.Parse(downloaded, "abc-configuration.json");

        Assert.Equal("baseline", document.Name);
        Assert.Equal("none", document.Configuration!["defence"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void ParseRejectsUnknownTopLevelField()
    {
        var error = Assert.Throws<CliException>(() => LaunchDocument.Parse("kind: backdoor\nepochs: 3\n", "run.yaml"));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("'epochs'", error.Message);
        Assert.Contains("under 'configuration'", error.Message);
    }

    [Fact]
    public void ParseRejectsInvalidJsonNamingFile()
    {
        var error = Assert.Throws<CliException>(() => LaunchDocument.Parse("{\"kind\": ", "broken.json"));

        Assert.Contains("broken.json is not valid JSON", error.Message);
    }

    [Fact]
    public void ParseRejectsNonObjectConfiguration()
    {
        var error = Assert.Throws<CliException>(() => LaunchDocument.Parse("kind: backdoor\nconfiguration: [1]\n", "run.yaml"));

        Assert.Contains("'configuration' must be an object", error.Message);
    }

    [Fact]
    public void ReadReportsMissingFile()
    {
        var error = Assert.Throws<CliException>(() => LaunchDocument.Read("/nonexistent/run.yaml"));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("/nonexistent/run.yaml", error.Message);
    }
}
