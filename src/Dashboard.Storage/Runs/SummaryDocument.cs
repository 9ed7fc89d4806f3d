using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Converts a <see cref="RunSummary"/> to and from BSON, keeping every measure's label, format and group.</summary>
internal static class SummaryDocument
{
    public static BsonDocument FromSummary(RunSummary summary) => new()
    {
        ["HeadlineKey"] = summary.HeadlineKey,
        ["Measures"] = new BsonArray(summary.Measures.Select(MeasureToBson)),
    };

    public static RunSummary ToSummary(BsonDocument document) => new()
    {
        HeadlineKey = document["HeadlineKey"].IsNull ? null : document["HeadlineKey"].AsString,
        Measures = document["Measures"].AsArray.Select(value => MeasureFromBson(value.AsDocument)).ToList(),
    };

    private static BsonDocument MeasureToBson(SummaryMeasure measure) => new()
    {
        ["Key"] = measure.Key,
        ["Label"] = measure.Label,
        ["Value"] = measure.Value,
        ["Format"] = measure.Format.ToString(),
        ["Group"] = measure.Group,
    };

    private static SummaryMeasure MeasureFromBson(BsonDocument document) => new(
        document["Key"].AsString,
        document["Label"].AsString,
        document["Value"].AsDouble,
        Enum.Parse<MeasureFormat>(document["Format"].AsString),
        document["Group"].IsNull ? null : document["Group"].AsString);
}
