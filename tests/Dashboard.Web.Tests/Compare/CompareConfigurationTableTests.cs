using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Web.Components.Compare;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Compare;

public sealed class CompareConfigurationTableTests : ComponentTestContext
{
    private const string First = """
        {"epochs": 2, "learningRate": 0.001, "defence": {"kind": "none"},
         "attacks": [{"type": "patch", "poisonRatio": 0.01}]}
        """;

    private const string Second = """
        {"epochs": 2, "learningRate": 0.003, "defence": {"kind": "badLoss"},
         "attacks": [{"type": "patch", "poisonRatio": 0.02}]}
        """;

    [Fact]
    public void ShowsOnlyDifferingFields()
    {
        var table = Render<CompareConfigurationTable>(p => p.Add(t => t.Runs, Runs(First, Second)));

        Assert.Equal(
            ["learningRate", "defence.kind", "attacks[0].poisonRatio"],
            table.FindAll("tbody tr[data-path]").Select(row => row.GetAttribute("data-path")));
    }

    [Fact]
    public void ShowsEachRunsValue()
    {
        var table = Render<CompareConfigurationTable>(p => p.Add(t => t.Runs, Runs(First, Second)));

        var cells = table.Find("tr[data-path='defence.kind']").QuerySelectorAll("td").Select(cell => cell.TextContent.Trim());
        Assert.Equal(["defence.kind", "none", "badLoss"], cells);
    }

    [Fact]
    public void SwitchShowsAllFields()
    {
        var table = Render<CompareConfigurationTable>(p => p.Add(t => t.Runs, Runs(First, Second)));

        table.Find("input[type=checkbox]").Change(true);

        Assert.Equal(
            ["epochs", "learningRate", "defence.kind", "attacks[0].type", "attacks[0].poisonRatio"],
            table.FindAll("tbody tr[data-path]").Select(row => row.GetAttribute("data-path")));
        Assert.Equal(3, table.FindAll("tbody tr.differs").Count);
    }

    [Fact]
    public void IdenticalConfigurationsSaySo()
    {
        var table = Render<CompareConfigurationTable>(p => p.Add(t => t.Runs, Runs(First, First)));

        Assert.Empty(table.FindAll("tbody tr[data-path]"));
        Assert.Single(table.FindAll("#configuration-same"));
    }

    [Fact]
    public void HeadersUseRunColors()
    {
        var table = Render<CompareConfigurationTable>(p => p.Add(t => t.Runs, Runs(First, Second)));

        var swatches = table.FindAll("thead .run-swatch").Select(s => s.GetAttribute("style")).ToList();
        Assert.Equal(2, swatches.Count);
        Assert.Contains(RunPalette.ColorAt(0), swatches[0]);
        Assert.Contains(RunPalette.ColorAt(1), swatches[1]);
    }

    private static List<ComparedRun> Runs(params string[] configurations) =>
        [.. configurations.Select((json, position) => new ComparedRun(
            position,
            new RunRecord { Id = RunIds.Create(), Name = $"run {position}", Kind = "backdoor", ConfigurationJson = json },
            ConfigurationPaths.Flatten(json)))];
}
