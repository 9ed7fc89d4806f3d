using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Annotations;
using Dashboard.Web.Components.Runs;
using Dashboard.Web.Export;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

/// <summary>Markdown notes reach the page without scripts, event handlers, javascript: links or raw HTML.</summary>
public sealed class NotesRenderingTests : ComponentTestContext
{
    private const string HostileNotes = """
        **Result** looks good, see [the paper](https://arxiv.org/abs/2408.13221).

        <script>alert('script')</script>
        <img src="x" onerror="alert('image')">
        <a href="https://example.org" onclick="alert('click')">raw link</a>

        [click me](javascript:alert('link'))
        [encoded](JaVaScRiPt&#58;alert('encoded'))
        ![picture](javascript:alert('picture'))
        <div style="background:url(javascript:alert('style'))">styled</div>
        """;

    [Fact]
    public void NotesView_RemovesScriptsAndHandlers()
    {
        var view = Render<NotesView>(parameters => parameters.Add(p => p.Notes, HostileNotes));

        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll("[onerror], [onclick], [onload]"));
        Assert.Empty(view.FindAll("img"));
        Assert.Empty(view.FindAll("div[style]"));
    }

    [Fact]
    public void NotesView_RemovesJavascriptLinks()
    {
        var view = Render<NotesView>(parameters => parameters.Add(p => p.Notes, HostileNotes));
        var hrefs = view.FindAll("a[href]").Select(link => link.GetAttribute("href") ?? "").ToList();

        Assert.DoesNotContain(hrefs, href => href.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["https://arxiv.org/abs/2408.13221"], hrefs);
    }

    [Fact]
    public void NotesView_ShowsRawHtmlAsText()
    {
        var view = Render<NotesView>(parameters => parameters.Add(p => p.Notes, HostileNotes));

        Assert.Contains("<script>alert('script')</script>", view.Find("#notes").TextContent);
        Assert.Empty(view.FindAll("a[onclick]"));
    }

    [Fact]
    public void NotesView_RendersMarkdown()
    {
        var view = Render<NotesView>(parameters => parameters.Add(p => p.Notes, "**bold** and a list:\n\n- one\n- two"));

        Assert.Equal("bold", view.Find("strong").TextContent);
        Assert.Equal(2, view.FindAll("li").Count);
    }

    [Fact]
    public void NotesView_LinksOpenWithoutOpener()
    {
        var view = Render<NotesView>(parameters => parameters.Add(p => p.Notes, "[site](https://example.org)"));

        Assert.Equal("noopener noreferrer nofollow", view.Find("a").GetAttribute("rel"));
    }

    [Fact]
    public void ReadOnlyRunView_SanitisesNotesAndHidesEdit()
    {
        var run = StoredRun(HostileNotes);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id).Add(p => p.ReadOnly, true));

        Assert.Empty(view.FindAll("#run-edit-notes"));
        Assert.Equal("Result", view.Find("#run-notes strong").TextContent);
        Assert.Empty(view.FindAll("#run-notes script, #run-notes [onerror], #run-notes [onclick]"));
        Assert.Equal(["paper"], view.FindAll(".run-tag").Select(tag => tag.GetAttribute("data-tag")));
    }

    [Fact]
    public void RunView_EditSavesTagsAndNotes()
    {
        var run = StoredRun(null);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));
        view.Find("#run-edit-notes").Click();
        view.Find("#run-tags-input").Change("paper, sweep-3");
        view.Find("#run-notes-input").Input("*checked* twice");
        view.Find("#run-save-notes").Click();
        var stored = Server.Service<IRunStore>().Find(run.Id)!;

        Assert.Equal(["paper", "sweep-3"], stored.Tags);
        Assert.Equal("*checked* twice", stored.Notes);
        Assert.Equal("checked", view.Find("#run-notes em").TextContent);
    }

    [Fact]
    public void RunView_InvalidTagShowsFieldError()
    {
        var run = StoredRun(null);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));
        view.Find("#run-edit-notes").Click();
        view.Find("#run-tags-input").Change(new string('x', 41));
        view.Find("#run-save-notes").Click();

        Assert.Contains("is invalid", view.Find(".annotation-panel .mud-input-error").TextContent);
        Assert.Empty(Server.Service<IRunStore>().Find(run.Id)!.Tags);
    }

    [Fact]
    public void HtmlExport_ContainsSanitisedNotes()
    {
        var run = StoredRun(HostileNotes);

        string html = Server.Service<RunExporter>().Export(run.Id)!;
        int start = html.IndexOf("<section id=\"run-notes\">", StringComparison.Ordinal);
        string notes = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(notes);

        Assert.Equal("Result", document.QuerySelector("strong")?.TextContent);
        Assert.Empty(document.QuerySelectorAll("script, img, [onerror], [onclick], [style]"));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"),
            link => link.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", notes);
        Assert.Contains("Tags: paper", html);
    }

    private RunRecord StoredRun(string? notes)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "noted run",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow,
            Notes = notes,
            Tags = notes is null ? [] : ["paper"],
        };
        Server.Service<IRunStore>().Insert(run);
        return run;
    }
}
