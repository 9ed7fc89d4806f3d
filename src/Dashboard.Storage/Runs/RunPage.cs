using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>One page of a run list. <paramref name="Total"/> counts every run that matched, on all pages.</summary>
public sealed record RunPage(IReadOnlyList<RunRecord> Items, int Total);
