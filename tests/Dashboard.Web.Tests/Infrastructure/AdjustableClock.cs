namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>A <see cref="TimeProvider"/> whose current time a test sets and advances; timers and timestamps stay those of the system.</summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan span) => Interlocked.Add(ref _utcTicks, span.Ticks);
}
