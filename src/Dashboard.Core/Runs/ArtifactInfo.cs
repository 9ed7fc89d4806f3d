namespace Dashboard.Core.Runs;

/// <summary>A file a run produced, stored in the run's artifact folder.</summary>
public sealed record ArtifactInfo(string Name, string ContentType, long Length, DateTimeOffset CreatedAt);
