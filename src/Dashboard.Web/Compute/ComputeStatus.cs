namespace Dashboard.Web.Compute;

/// <summary>Whether the compute service has recovered interrupted runs and is dispatching; read by the health endpoint.</summary>
public sealed class ComputeStatus
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;

    public void MarkStopped() => _ready = false;
}
