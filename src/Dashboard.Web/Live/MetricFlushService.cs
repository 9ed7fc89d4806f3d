namespace Dashboard.Web.Live;

/// <summary>
/// Flushes queued metric points to storage and subscribers every 150 ms, which keeps each run at about
/// seven messages per second however fast its worker reports.
/// </summary>
public sealed class MetricFlushService(LiveRunFeed feed, ILogger<MetricFlushService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await feed.FlushAllAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogError(exception, "Flushing metric points failed; retrying at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Points that arrived after the last tick still reach storage before the database closes.
        await feed.FlushAllAsync(CancellationToken.None);
    }
}
