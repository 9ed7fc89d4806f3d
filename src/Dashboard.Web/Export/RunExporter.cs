using System.Collections;
using System.Text;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Annotations;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Forms;
using Dashboard.Web.Components.Results;
using Dashboard.Web.Components.Runs;

namespace Dashboard.Web.Export;

/// <summary>
/// Writes a run's result page as one self-contained HTML file: name, facts, configuration, summary, every
/// chart as inline SVG, and the defence's histogram and pictures (PNG data URIs). The file loads nothing:
/// it has no script, no stylesheet link and no external image, so it opens offline and from disk.
/// </summary>
public sealed class RunExporter(
    IRunStore runs,
    IMetricStore metrics,
    IArtifactStore artifacts,
    ExperimentCatalog catalog,
    TimeProvider time,
    ILogger<RunExporter> logger)
{
    /// <summary>Points drawn per line; longer series are reduced with <see cref="SeriesDownsampler.MinMax"/>.</summary>
    public const int MaxPointsPerLine = 1000;

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1360px; padding: 0 1rem; color: #222; }
        h1 { margin-bottom: .25rem; } .facts { color: #666; margin-top: 0; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; } td, th { border-bottom: 1px solid #ddd; padding: .25rem .75rem; text-align: left; vertical-align: top; }
        td.number { text-align: right; } table table { margin: 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; border: 1px solid #ddd; border-radius: 4px; padding: .5rem; }
        figcaption { font-weight: 600; margin-bottom: .25rem; }
        .examples { display: flex; flex-wrap: wrap; gap: .5rem; } .examples figure { padding: .25rem; font-size: 11px; text-align: center; }
        .examples img { width: 56px; height: 56px; image-rendering: pixelated; display: block; margin: 0 auto; }
        .error { background: #fdecea; padding: .5rem 1rem; border-radius: 4px; } footer { color: #888; font-size: 12px; margin-top: 2rem; }
        """;

    /// <summary>Returns the run's export, or null if there is no run with <paramref name="runId"/>.</summary>
    public string? Export(string runId)
    {
        var run = runs.Find(runId);
        if (run is null)
        {
            return null;
        }

        var kind = catalog.Find(run.Kind);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Escape(run.Name)} · Lab Dashboard export</title><style>{Style}</style></head><body>
            <h1 id="run-name">{Escape(run.Name)}</h1>
            <p class="facts">{Escape(kind?.DisplayName ?? run.Kind)} · run {Escape(run.Id)} · {run.Status} · created {Time(run.CreatedAt)}{Duration(run)}</p>
            """);
        if (run.Error is { } error)
        {
            html.Append($"""<p class="error">{Escape(error)}</p>""");
        }

        if (run.Tags.Count > 0)
        {
            html.Append($"""<p class="facts" id="run-tags">Tags: {Escape(string.Join(", ", run.Tags))}</p>""");
        }

        // The notes are sanitised HTML: no script, event handler, image or javascript: link.
        string notes = NoteRenderer.ToHtml(run.Notes);
        if (notes.Length > 0)
        {
            html.Append($"""<section id="run-notes">{notes}</section>""");
        }

        AppendSummary(html, run.Summary);
        AppendCharts(html, run, kind);
        AppendDefenceFindings(html, run.Id);
        AppendConfiguration(html, run, kind);
        html.Append($"<footer>Exported from Lab Dashboard on {Time(time.GetUtcNow())}.</footer></body></html>");
        return html.ToString();
    }

    /// <summary>Returns a file name for the export: the run's name with unsafe characters replaced, and its id.</summary>
    public static string FileName(RunRecord run)
    {
        string name = new([.. run.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return $"{name.Trim('-')}-{run.Id}.html";
    }

    private static void AppendSummary(StringBuilder html, RunSummary? summary)
    {
        if (summary is null)
        {
            html.Append("<h2>Result</h2><p>The run has no result yet.</p>");
            return;
        }

        html.Append("""<h2>Result</h2><table id="summary"><thead><tr><th>Measure</th><th>Value</th></tr></thead><tbody>""");
        foreach (var measure in summary.Measures)
        {
            string headline = measure.Key == summary.HeadlineKey ? " (headline)" : "";
            html.Append($"""<tr data-measure="{Escape(measure.Key)}"><td>{Escape(measure.Label)}{headline}</td><td class="number">{Escape(MeasureText.Format(measure))}</td></tr>""");
        }

        html.Append("</tbody></table>");
    }

    private void AppendCharts(StringBuilder html, RunRecord run, IExperimentKind? kind)
    {
        var buffers = metrics.Read(run.Id).Select(batch =>
        {
            var buffer = new MetricSeriesBuffer(batch.Metric);
            buffer.Append(batch);
            return buffer;
        }).ToList();

        html.Append("""<h2>Charts</h2><div class="charts">""");
        foreach (var chart in kind?.Charts ?? [])
        {
            var lines = ChartLines.For(chart, buffers);
            if (lines.Count == 0)
            {
                continue;
            }

            var series = lines
                .Select(line => new SvgSeries(line.Name, SeriesDownsampler.MinMax(line.Source.Read(0, chart.XAxis), MaxPointsPerLine)))
                .ToList();
            html.Append($"""<figure data-chart="{Escape(chart.Title)}"><figcaption>{Escape(chart.Title)}</figcaption>""");
            html.Append(SvgLineChart.Render(chart.Title, chart.XAxis, chart.YAxisTitle, chart.Format, series));
            html.Append("</figure>");
        }

        html.Append("</div>");
    }

    private void AppendDefenceFindings(StringBuilder html, string runId)
    {
        var histogram = ArtifactJson.Read<ScoreHistogram>(artifacts, runId, "score-histogram.json", logger);
        var removed = ArtifactJson.Read<ExampleGrid>(artifacts, runId, "removed-examples.json", logger);
        var surviving = ArtifactJson.Read<ExampleGrid>(artifacts, runId, "surviving-poisons.json", logger);
        if (histogram is null && removed is null && surviving is null)
        {
            return;
        }

        html.Append("<h2>Defence findings</h2>");
        if (histogram is not null)
        {
            html.Append($"""<figure data-chart="score-histogram"><figcaption>{Escape(histogram.ScoreName)} by true group ({Escape(histogram.Defence)})</figcaption>""");
            html.Append(SvgBarChart.Render(histogram));
            html.Append("</figure>");
        }

        AppendGrid(html, removed, "removed-examples");
        AppendGrid(html, surviving, "surviving-poisons");
    }

    private static void AppendGrid(StringBuilder html, ExampleGrid? grid, string name)
    {
        if (grid is null)
        {
            return;
        }

        html.Append($"""<h3>{Escape(grid.Title)} ({grid.Examples.Count})</h3><div class="examples" data-grid="{name}">""");
        foreach (var example in grid.Examples)
        {
            // Only PNG data URIs written by the run are embedded, so the file never points anywhere else.
            string image = example.Image.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
                ? $"""<img src="{Escape(example.Image)}" alt="training image {example.Index}">"""
                : "";
            string attack = example.Attack ?? "clean";
            html.Append($"""<figure>{image}{example.GivenLabel} · {Escape(attack)} · {example.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}</figure>""");
        }

        html.Append("</div>");
    }

    private void AppendConfiguration(StringBuilder html, RunRecord run, IExperimentKind? kind)
    {
        html.Append("<h2>Configuration</h2>");
        object? configuration = null;
        try
        {
            configuration = kind is null ? null : catalog.ReadConfiguration(run);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(exception, "The configuration of run {RunId} could not be read for export", run.Id);
        }

        if (configuration is null)
        {
            html.Append($"<pre>{Escape(run.ConfigurationJson)}</pre>");
            return;
        }

        html.Append("""<table id="configuration">""");
        AppendFields(html, configuration, ConfigurationSchema.For(configuration.GetType()).Fields);
        html.Append("</table>");
    }

    private static void AppendFields(StringBuilder html, object owner, IReadOnlyList<ConfigurationField> fields)
    {
        foreach (var field in fields)
        {
            object? value = field.GetValue(owner);
            if (field.Type == FieldType.List && value is IList items)
            {
                html.Append($"""<tr><th colspan="2">{Escape(field.Label)} ({items.Count})</th></tr>""");
                for (int i = 0; i < items.Count; i++)
                {
                    html.Append($"<tr><td>{Escape(field.Label)} {i + 1}</td><td><table>");
                    AppendFields(html, items[i]!, field.Fields);
                    html.Append("</table></td></tr>");
                }
            }
            else if (field.Type == FieldType.Object && value is not null)
            {
                html.Append($"<tr><td>{Escape(field.Label)}</td><td><table>");
                AppendFields(html, value, field.Fields);
                html.Append("</table></td></tr>");
            }
            else
            {
                html.Append($"""<tr data-field="{Escape(field.Name)}"><td>{Escape(field.Label)}</td><td>{Escape(FieldText.Format(field, value))}</td></tr>""");
            }
        }
    }

    private static string Duration(RunRecord run) =>
        run.Duration is { } duration ? $" · ran {Escape(MeasureText.Duration(duration))}" : "";

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'");

    private static string Escape(string text) => SvgText.Escape(text);
}
