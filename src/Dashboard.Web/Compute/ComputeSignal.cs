namespace Dashboard.Web.Compute;

/// <summary>Wakes the compute service when a run is queued or a worker slot frees up.</summary>
public sealed class ComputeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up is needed: the service scans the whole queue when it wakes.
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
