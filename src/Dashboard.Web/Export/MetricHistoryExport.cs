using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Storage;

namespace Dashboard.Web.Export;

/// <summary>
/// Writes every stored metric point of one or more runs, as CSV (<c>run_id,metric,step,epoch,value,time</c>, time in
/// UTC ISO 8601 with milliseconds) or as JSON. Values keep every significant digit; NaN and infinities are written
/// as <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> (strings in JSON).
/// </summary>
public sealed class MetricHistoryExport(IMetricStore metrics)
{
    public const string CsvHeader = "run_id,metric,step,epoch,value,time";

    /// <summary>Writes one CSV row per stored point, run by run and metric by metric, each in append order.</summary>
    public async Task WriteCsvAsync(Stream output, IReadOnlyList<RunRecord> runs, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvHeader + "\n");
        foreach (var run in runs)
        {
            foreach (var batch in metrics.Read(run.Id))
            {
                var line = new StringBuilder();
                for (int i = 0; i < batch.Count; i++)
                {
                    line.Clear()
                        .Append(CsvText.Field(run.Id)).Append(',')
                        .Append(CsvText.Field(batch.Metric)).Append(',')
                        .Append(batch.Steps[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(CsvText.Number(batch.Epochs[i])).Append(',')
                        .Append(CsvText.Number(batch.Values[i])).Append(',')
                        .Append(CsvText.Time(DateTimeOffset.FromUnixTimeMilliseconds(batch.Timestamps[i])))
                        .Append('\n');
                    await writer.WriteAsync(line, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Writes <c>{"runs": [{"id", "name", "kind", "metrics": [{"metric", "points": [{"step", "epoch", "value",
    /// "timestampMs"}]}]}]}</c> with every stored point.
    /// </summary>
    public async Task WriteJsonAsync(Stream output, IReadOnlyList<RunRecord> runs, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("id", run.Id);
            json.WriteString("name", run.Name);
            json.WriteString("kind", run.Kind);
            json.WriteStartArray("metrics");
            foreach (var batch in metrics.Read(run.Id))
            {
                json.WriteStartObject();
                json.WriteString("metric", batch.Metric);
                json.WriteStartArray("points");
                for (int i = 0; i < batch.Count; i++)
                {
                    json.WriteStartObject();
                    json.WriteNumber("step", batch.Steps[i]);
                    WriteDouble(json, "epoch", batch.Epochs[i]);
                    WriteDouble(json, "value", batch.Values[i]);
                    json.WriteNumber("timestampMs", batch.Timestamps[i]);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>Writes a finite number as a JSON number; JSON has no NaN or infinity, so those become strings.</summary>
    private static void WriteDouble(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
