using Bunit;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Defences;
using Dashboard.Web.Components.Forms;
using Dashboard.Web.Components.Runs;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

/// <summary>Settings of one defence or one attack type appear only where that defence or attack is chosen.</summary>
public sealed class ConfigurationFormTests : ComponentTestContext
{
    [Fact]
    public void Form_HidesDefenceSettingsWithoutDefence()
    {
        var form = RenderForm(new BackdoorConfiguration());

        Assert.Empty(form.FindAll("input[data-path='defence.probeCount']"));
        Assert.Empty(form.FindAll("input[data-path='defence.spectralRemovalFraction']"));
        Assert.Empty(form.FindAll("input[data-path='defence.ablGamma']"));
    }

    [Fact]
    public void Form_ShowsOnlyChosenDefenceSettings()
    {
        var configuration = new BackdoorConfiguration();
        configuration.Defence.Kind = DefenceKind.BadLoss;

        var form = RenderForm(configuration);

        Assert.Single(form.FindAll("input[data-path='defence.probeCount']"));
        Assert.Empty(form.FindAll("input[data-path='defence.spectralRemovalFraction']"));
        Assert.Empty(form.FindAll("input[data-path='defence.clusterSizeThreshold']"));
    }

    [Fact]
    public void Form_ShowsNarcissusSettingsOnNarcissusAttackOnly()
    {
        var configuration = new BackdoorConfiguration
        {
            Attacks = [AttackSettings.Create(AttackType.Patch, 0), AttackSettings.Create(AttackType.Narcissus, 1)],
        };

        var form = RenderForm(configuration);

        Assert.Empty(form.FindAll("[data-path^='attacks[0].narcissus.']"));
        Assert.NotEmpty(form.FindAll("[data-path^='attacks[1].narcissus.']"));
        Assert.Empty(form.FindAll("input[data-path='attacks[1].crossRatio']"));
    }

    [Fact]
    public void Form_ShowsSettingsOfDefencesInTheGroup()
    {
        RenderPopoverProvider();
        var varied = new Dictionary<string, IReadOnlyCollection<string>> { ["defence.kind"] = ["none", "badLoss"] };

        var form = Render<ConfigurationForm>(parameters => parameters
            .Add(f => f.Configuration, new BackdoorConfiguration())
            .Add(f => f.ErrorFor, _ => null)
            .Add(f => f.VariedValues, varied));

        Assert.Single(form.FindAll("input[data-path='defence.trajectoryEpochs']"));
        Assert.Empty(form.FindAll("input[data-path='defence.ablGamma']"));
    }

    [Fact]
    public void Table_ListsOnlyChosenDefenceSettings()
    {
        var configuration = new BackdoorConfiguration();
        configuration.Defence.Kind = DefenceKind.SpectralSignatures;

        var table = Render<ConfigurationTable>(parameters => parameters
            .Add(t => t.Owner, configuration)
            .Add(t => t.Fields, Dashboard.Core.Configuration.ConfigurationSchema.For(typeof(BackdoorConfiguration)).Fields));

        Assert.Single(table.FindAll("tr[data-field='spectralRemovalFraction']"));
        Assert.Empty(table.FindAll("tr[data-field='probeCount']"));
    }

    private IRenderedComponent<ConfigurationForm> RenderForm(BackdoorConfiguration configuration)
    {
        RenderPopoverProvider();
        return Render<ConfigurationForm>(parameters => parameters
            .Add(f => f.Configuration, configuration)
            .Add(f => f.ErrorFor, _ => null));
    }
}
