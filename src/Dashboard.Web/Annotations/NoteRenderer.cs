using Ganss.Xss;
using Markdig;

namespace Dashboard.Web.Annotations;

/// <summary>
/// Renders a user's Markdown notes to HTML that is safe to show to other users. Markdig renders with raw HTML
/// disabled, so HTML typed into a note is shown as text. HtmlSanitizer then removes any script, event handler
/// attribute or link whose scheme is not http, https or mailto, in case a Markdown construct produced one. Images are
/// removed too, so opening a note never sends a request to another server.
/// </summary>
public static class NoteRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    // HtmlSanitizer's Sanitize may be called from several threads once the instance is configured.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Converts <paramref name="markdown"/> to sanitised HTML; null or blank notes give an empty string.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        string html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("img");

        // Links open in a new tab without giving the opened page a handle on the dashboard.
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };

        return sanitizer;
    }
}
