using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Web.Tests.Components;

/// <summary>The launch form's "Upload configuration" control.</summary>
public sealed class ConfigurationUploadTests : ComponentTestContext
{
    [Fact]
    public void Upload_FillsFormFromFile()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, """{"kind":"backdoor","name":"from file","configuration":{"epochs":7}}""");

        Assert.Equal("7", page.Find("input[data-path='epochs']").GetAttribute("value"));
        Assert.Equal("from file", page.Find("#run-name-input").GetAttribute("value"));
        Assert.Contains("config.json", page.Find("#upload-source").TextContent);
    }

    [Fact]
    public void Upload_InvalidValueShowsFieldError()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, """{"kind":"backdoor","configuration":{"epochs":3,"attacks":[{"type":"patch","targetClass":0,"poisonRatio":1.5,"strength":1}]}}""");

        Assert.Contains("between 0 (exclusive) and 1", page.Find("[data-error-for='attacks[0].poisonRatio']").TextContent);
        Assert.True(page.Find("#launch").HasAttribute("disabled"));
    }

    [Fact]
    public void Upload_InvalidValueWarnsAboveForm()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, """{"kind":"backdoor","configuration":{"epochs":3,"attacks":[{"type":"patch","targetClass":0,"poisonRatio":1.5,"strength":1}]}}""");
        var note = page.Find("#upload-source");

        Assert.Contains("mud-alert-text-warning", note.ClassName);
        Assert.Contains("1 value(s) in it are invalid: attacks[0].poisonRatio", note.TextContent);
    }

    [Fact]
    public void Upload_ValidFileShowsInfoNote()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, """{"kind":"backdoor","configuration":{"epochs":3}}""");

        Assert.Contains("mud-alert-text-info", page.Find("#upload-source").ClassName);
        Assert.DoesNotContain("invalid", page.Find("#upload-source").TextContent);
    }

    [Fact]
    public void Upload_WrongTypeShowsPathAboveForm()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, """{"kind":"backdoor","configuration":{"epochs":"many"}}""");

        Assert.Contains("epochs", page.Find("[data-upload-error='epochs']").TextContent);
    }

    [Fact]
    public void Upload_NotJsonShowsError()
    {
        RenderPopoverProvider();
        var page = Render<Launch>();

        Upload(page, "epochs = 3");

        Assert.Contains("not a run configuration", page.Find("[data-upload-error='file']").TextContent);
    }

    [Fact]
    public void Upload_DownloadedFileRoundTrips()
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "source run",
            Kind = "backdoor",
            ConfigurationJson = """{"epochs":4,"learningRate":0.005}""",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var page = Render<Launch>();
        Upload(page, ConfigurationFile.Write(run));

        Assert.Equal("4", page.Find("input[data-path='epochs']").GetAttribute("value"));
        Assert.Equal("source run", page.Find("#run-name-input").GetAttribute("value"));
    }

    private static void Upload(IRenderedComponent<Launch> page, string text) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, "config.json"));
}
