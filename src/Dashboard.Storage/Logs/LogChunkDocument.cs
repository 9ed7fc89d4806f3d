namespace Dashboard.Storage;

/// <summary>
/// Field names of a log chunk: up to <see cref="StorageOptions.LogLinesPerChunk"/> consecutive lines of one run.
/// The <c>_id</c> is <c>{runId}:{block}</c> (see <see cref="ChunkKeys"/>).
/// </summary>
internal static class LogChunkDocument
{
    public const string RunId = "RunId";

    /// <summary>Ordinal of the chunk within the run's log, from 0.</summary>
    public const string Block = "Block";

    /// <summary>Unix time in milliseconds of each line.</summary>
    public const string Timestamps = "Timestamps";

    public const string Messages = "Messages";
}
