using Dashboard.Core.Metrics;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Field names of a metric chunk: up to <see cref="StorageOptions.MetricPointsPerChunk"/> consecutive points of
/// one metric, as four packed columns (see <see cref="BinaryColumns"/>). The <c>_id</c> is
/// <c>{runId}:{metric}:{block}</c> (see <see cref="ChunkKeys"/>).
/// </summary>
internal static class MetricChunkDocument
{
    public const string RunId = "RunId";
    public const string Metric = "Metric";

    /// <summary>Ordinal of the chunk within its metric, from 0.</summary>
    public const string Block = "Block";

    public const string Count = "Count";
    public const string Steps = "Steps";
    public const string Epochs = "Epochs";
    public const string Values = "Values";
    public const string Timestamps = "Timestamps";

    public static int CountOf(BsonDocument document) => document[Count].AsInt32;

    /// <summary>Decodes the chunk's columns into the given spans, which must each hold exactly <see cref="CountOf"/> values.</summary>
    public static void CopyTo(BsonDocument document, Span<long> steps, Span<double> epochs, Span<double> values, Span<long> timestamps)
    {
        BinaryColumns.Unpack(document[Steps].AsBinary, steps);
        BinaryColumns.Unpack(document[Epochs].AsBinary, epochs);
        BinaryColumns.Unpack(document[Values].AsBinary, values);
        BinaryColumns.Unpack(document[Timestamps].AsBinary, timestamps);
    }

    /// <summary>
    /// Joins chunks into one batch per metric. <paramref name="documents"/> must be in <c>_id</c> order, which
    /// groups chunks by metric and puts each metric's blocks in append order.
    /// </summary>
    public static List<MetricBatch> ToBatches(IReadOnlyList<BsonDocument> documents)
    {
        var batches = new List<MetricBatch>();
        int start = 0;
        while (start < documents.Count)
        {
            string metric = documents[start][Metric].AsString;
            int end = start;
            int total = 0;
            while (end < documents.Count && documents[end][Metric].AsString == metric)
            {
                total = checked(total + CountOf(documents[end]));
                end++;
            }

            var steps = new long[total];
            var epochs = new double[total];
            var values = new double[total];
            var timestamps = new long[total];
            int position = 0;
            for (int i = start; i < end; i++)
            {
                int count = CountOf(documents[i]);
                CopyTo(
                    documents[i],
                    steps.AsSpan(position, count),
                    epochs.AsSpan(position, count),
                    values.AsSpan(position, count),
                    timestamps.AsSpan(position, count));
                position += count;
            }

            batches.Add(new MetricBatch { Metric = metric, Steps = steps, Epochs = epochs, Values = values, Timestamps = timestamps });
            start = end;
        }

        return batches;
    }
}
