using Dashboard.Web.Components.Compare;

namespace Dashboard.Web.Tests.Compare;

public sealed class ConfigurationPathsTests
{
    private const string Json = """
        {"epochs": 2, "learningRate": 0.001, "defence": {"kind": "badLoss", "probes": []},
         "attacks": [{"type": "patch", "poisonRatio": 0.01}, {"type": "blendRandom", "poisonRatio": 0.02}],
         "augment": true, "note": null}
        """;

    [Fact]
    public void FlattenNamesNestedFieldsByPath()
    {
        var paths = ConfigurationPaths.Flatten(Json).Select(v => v.Path).ToList();

        Assert.Equal(
            ["epochs", "learningRate", "defence.kind", "defence.probes", "attacks[0].type", "attacks[0].poisonRatio",
             "attacks[1].type", "attacks[1].poisonRatio", "augment", "note"],
            paths);
    }

    [Fact]
    public void FlattenKeepsNumbersAndText()
    {
        var values = ConfigurationPaths.Flatten(Json).ToDictionary(v => v.Path);

        Assert.Equal(0.02, values["attacks[1].poisonRatio"].Number);
        Assert.Equal("badLoss", values["defence.kind"].Text);
        Assert.Null(values["defence.kind"].Number);
        Assert.Equal("[]", values["defence.probes"].Text);
        Assert.Equal("true", values["augment"].Text);
        Assert.Equal("null", values["note"].Text);
    }

    [Fact]
    public void ComparisonMarksMissingPathAsDiffering()
    {
        var singleAttack = ConfigurationPaths.Flatten("""{"epochs": 2, "attacks": [{"poisonRatio": 0.01}]}""");
        var twoAttacks = ConfigurationPaths.Flatten("""{"epochs": 2, "attacks": [{"poisonRatio": 0.01}, {"poisonRatio": 0.05}]}""");

        var comparison = ConfigurationComparison.Of([singleAttack, twoAttacks]);

        Assert.Equal(["attacks[1].poisonRatio"], comparison.DifferingRows.Select(row => row.Path));
        Assert.Null(comparison.Rows.Single(row => row.Path == "attacks[1].poisonRatio").Values[0]);
    }
}
