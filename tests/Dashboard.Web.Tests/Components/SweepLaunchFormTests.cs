using AngleSharp.Dom;
using Bunit;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Compute;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The sweep section of the launch form, on a host without the compute service so that launched runs stay
/// queued instead of training.
/// </summary>
public sealed class SweepLaunchFormTests() : ComponentTestContext(WithoutComputeService)
{
    [Fact]
    public void CountShowsGridSize()
    {
        var page = RenderQuickCheck();

        AddRow(page, 0, "learningRate");
        page.Find("#sweep-values-0").Input("0.001, 0.01, 0.1");
        AddRow(page, 1, "optimizer");
        Tick(page, 1, "adamW");
        Tick(page, 1, "sgd");

        Assert.Contains("creates 6 runs", page.Find("#sweep-run-count").TextContent);
    }

    [Fact]
    public void RandomCountFollowsTrials()
    {
        var page = RenderQuickCheck();

        AddRow(page, 0, "learningRate");
        page.Find("#sweep-values-0").Input("0.001, 0.01");
        page.Find("#sweep-section div.mud-select [blazor\\:onmousedown]").MouseDown();
        var popovers = _popovers!;
        IElement? random = null;
        popovers.WaitForAssertion(() => random = Assert.Single(
            popovers.FindAll(".mud-popover-open .mud-list-item"),
            candidate => candidate.TextContent.Contains("Random search", StringComparison.Ordinal)));
        random!.Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#sweep-trials")));
        page.Find("#sweep-trials").Change("5");

        Assert.Contains("creates 5 runs", page.Find("#sweep-run-count").TextContent);
    }

    [Fact]
    public void TextThatIsNotANumberShowsError()
    {
        var page = RenderQuickCheck();

        AddRow(page, 0, "learningRate");
        page.Find("#sweep-values-0").Input("0.001, fast");

        Assert.Contains("'fast' is not a number", page.Find("[data-sweep-error='sweep.parameters.learningRate.values']").TextContent);
        Assert.True(page.Find("#launch-sweep").HasAttribute("disabled"));
    }

    [Fact]
    public void NewRowShowsNoErrorYet()
    {
        var page = RenderQuickCheck();

        page.Find("#sweep-add-parameter").Click();

        Assert.Empty(page.FindAll("[data-sweep-error]"));
        Assert.Contains("Give each field its values", page.Find("#sweep-run-count").TextContent);
        Assert.True(page.Find("#launch-sweep").HasAttribute("disabled"));
    }

    [Fact]
    public void MissingDatasetCannotBeTicked()
    {
        var page = RenderQuickCheck();

        AddRow(page, 0, "dataset");
        var cifar = page.Find("#sweep-choices-0 [data-value='cifar10'] input[type=checkbox], #sweep-choices-0 input[type=checkbox][data-value='cifar10']");
        var fashion = page.Find("#sweep-choices-0 [data-value='fashionMnist'] input[type=checkbox], #sweep-choices-0 input[type=checkbox][data-value='fashionMnist']");

        Assert.True(cifar.HasAttribute("disabled"));
        Assert.False(fashion.HasAttribute("disabled"));
    }

    [Fact]
    public void LaunchStoresSweepAndOpensGroup()
    {
        var page = RenderQuickCheck();

        AddRow(page, 0, "seed");
        page.Find("#sweep-values-0").Input("1, 2");
        page.Find("#launch-sweep").Click();
        string uri = Services.GetRequiredService<NavigationManager>().Uri;
        var group = Server.Service<IRunGroupStore>().List(0, 10).Single();
        var runs = group.Members.Select(m => Server.Service<IRunStore>().Find(m.RunId)!).ToList();

        Assert.EndsWith($"/groups/{group.Id}", uri);
        Assert.NotNull(group.Sweep);
        Assert.Contains("\"seed\":1", runs[0].ConfigurationJson);
        Assert.Contains("\"seed\":2", runs[1].ConfigurationJson);
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<Launch> RenderQuickCheck()
    {
        _popovers = Render<MudPopoverProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("preset", "quick-check"));
        return Render<Launch>();
    }

    private static void WithoutComputeService(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ComputeService)));

    private void AddRow(IRenderedComponent<Launch> page, int index, string path)
    {
        page.Find("#sweep-add-parameter").Click();
        page.Find($"[data-sweep-row='{index}'] div.mud-select [blazor\\:onmousedown]").MouseDown();

        // Only the open popover counts: the list of an earlier row's select may still be in the provider's markup.
        var popovers = _popovers!;
        IElement? item = null;
        popovers.WaitForAssertion(() => item = Assert.Single(
            popovers.FindAll(".mud-popover-open .mud-list-item"),
            candidate => candidate.TextContent.Contains($"({path})", StringComparison.Ordinal)));
        item!.Click();
        page.WaitForAssertion(() => Assert.Equal(path, page.Find($"#sweep-field-{index}").GetAttribute("value")));
    }

    private static void Tick(IRenderedComponent<Launch> page, int index, string value) =>
        page.Find($"#sweep-choices-{index} [data-value='{value}'] input[type=checkbox], #sweep-choices-{index} input[type=checkbox][data-value='{value}']").Change(true);
}
