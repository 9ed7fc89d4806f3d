using AngleSharp.Dom;
using Bunit;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class LaunchPageTests : ComponentTestContext
{
    [Fact]
    public void ShowsRangeErrorForInvalidPoisonRatio()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        page.Find("input[data-path='attacks[0].poisonRatio']").Input("1.5");

        Assert.Contains("must be between 0 (exclusive) and 1; got 1.5", FieldText(page, "attacks[0].poisonRatio"));
    }

    [Fact]
    public void ShowsRangeErrorForTargetClassOutsideDataset()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        page.Find("input[data-path='attacks[1].targetClass']").Input("10");

        Assert.Contains("between 0 and 9", FieldText(page, "attacks[1].targetClass"));
    }

    [Fact]
    public void ShowsErrorWhenPoisonsExceedNonTargetImages()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        page.Find("input[data-path='trainingSubsetSize']").Input("100");
        page.Find("input[data-path='attacks[0].poisonRatio']").Input("0.6");
        page.Find("input[data-path='attacks[1].poisonRatio']").Input("0.6");

        Assert.Contains("120 images", FieldText(page, "attacks"));
        Assert.True(page.Find("#launch").HasAttribute("disabled"));
    }

    [Fact]
    public void DisablesLaunchWhileAFieldIsInvalid()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        page.Find("input[data-path='epochs']").Input("0");

        Assert.True(page.Find("#launch").HasAttribute("disabled"));
        Assert.Contains("1 field(s) need attention", page.Find("#error-count").TextContent);
    }

    [Fact]
    public void EnablesLaunchForDefaults()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Assert.False(page.Find("#launch").HasAttribute("disabled"));
    }

    [Fact]
    public void HidesDatasetCapOfDependentRange()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        string help = page.Find("input[data-path='attacks[0].targetClass']").Closest(".mud-input-control")!.TextContent;

        Assert.Contains("0 to 9 for Fashion-MNIST", help);
        Assert.DoesNotContain("999", help);
    }

    [Fact]
    public void ShowsReferencePresetForDefaults()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Assert.Equal("reference", page.Find("#preset-select").GetAttribute("value"));
    }

    [Fact]
    public void ClearsPresetAfterEdit()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        page.Find("input[data-path='epochs']").Input("7");

        Assert.True(string.IsNullOrEmpty(page.Find("#preset-select").GetAttribute("value")));
    }

    /// <summary>Error text shown under the field with the given path.</summary>
    private static string FieldText(IRenderedComponent<Launch> page, string path) =>
        page.Find($"[data-error-for='{path}']").TextContent;
}
