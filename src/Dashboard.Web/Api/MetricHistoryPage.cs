using Dashboard.Core.Metrics;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Api;

/// <summary>
/// One page of a run's metric history: the points with a step after <see cref="AfterStep"/>, up to a step
/// chosen so the page contains at most the requested number of points, optionally reduced for drawing.
/// <see cref="NextAfterStep"/> is the value to pass as <c>afterStep</c> for the next page, or null on the last page.
/// </summary>
public sealed record MetricHistoryPage(IReadOnlyList<MetricBatch> Items, long? AfterStep, long? NextAfterStep, long TotalPoints)
{
    /// <summary>Largest page size a client may ask for.</summary>
    public const int MaxTake = 200_000;

    /// <summary>Page size when the client names none.</summary>
    public const int DefaultTake = 50_000;

    /// <summary>
    /// Cuts a page out of the full batches. A step is never split across pages, so a page may hold more than
    /// <paramref name="take"/> points when one step alone has more. With <paramref name="points"/> each metric of the
    /// page is then reduced to about that many points, keeping each bucket's smallest and largest value.
    /// </summary>
    public static MetricHistoryPage Create(IReadOnlyList<MetricBatch> batches, long? afterStep, int take, int? points)
    {
        long after = afterStep ?? long.MinValue;
        long total = batches.Sum(b => (long)b.Count);

        // Count points per step after the cursor, then find the last step that keeps the page within take.
        var perStep = new SortedDictionary<long, int>();
        foreach (var batch in batches)
        {
            foreach (long step in batch.Steps)
            {
                if (step > after)
                {
                    perStep[step] = perStep.GetValueOrDefault(step) + 1;
                }
            }
        }

        long? lastStep = null;
        long inPage = 0;
        foreach (var (step, count) in perStep)
        {
            if (lastStep is not null && inPage + count > take)
            {
                break;
            }

            inPage += count;
            lastStep = step;
        }

        long? next = lastStep is { } last && perStep.Keys.LastOrDefault() > last ? last : null;
        var items = new List<MetricBatch>();
        foreach (var batch in batches)
        {
            var indices = Enumerable.Range(0, batch.Count).Where(i => batch.Steps[i] > after && batch.Steps[i] <= (lastStep ?? long.MinValue)).ToArray();
            if (indices.Length == 0)
            {
                continue;
            }

            IReadOnlyList<int> keptIndices = points is { } maxPoints
                ? [.. SeriesDownsampler.MinMaxIndices(indices.Length, i => batch.Values[indices[i]], maxPoints).Select(i => indices[i])]
                : indices;
            items.Add(new MetricBatch
            {
                Metric = batch.Metric,
                Steps = [.. keptIndices.Select(i => batch.Steps[i])],
                Epochs = [.. keptIndices.Select(i => batch.Epochs[i])],
                Values = [.. keptIndices.Select(i => batch.Values[i])],
                Timestamps = [.. keptIndices.Select(i => batch.Timestamps[i])],
            });
        }

        return new MetricHistoryPage(items, afterStep, next, total);
    }
}
