using Microsoft.Extensions.Logging;

namespace Dashboard.Storage;

/// <summary>Log messages of the storage layer.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the run database at {DatabasePath}")]
    public static partial void DatabaseOpened(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Closed the run database at {DatabasePath}")]
    public static partial void DatabaseClosed(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Cannot open the run database at {DatabasePath}")]
    public static partial void DatabaseUnavailable(ILogger logger, Exception exception, string databasePath);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Rebuilding the run database at {DatabasePath} to change its collation from {OldCollation} to {NewCollation}")]
    public static partial void RebuildingForCollation(ILogger logger, string databasePath, string oldCollation, string newCollation);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Checkpointed the run database at {DatabasePath}")]
    public static partial void Checkpointed(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Health check of the run database at {DatabasePath} failed")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception, string databasePath);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Artifact folder ready at {ArtifactsPath}")]
    public static partial void ArtifactFolderReady(ILogger logger, string artifactsPath);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Cannot write the artifact folder at {ArtifactsPath}")]
    public static partial void ArtifactFolderUnavailable(ILogger logger, Exception exception, string artifactsPath);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information,
        Message = "Deleted run {RunId}: {MetricChunks} metric chunks, {LogChunks} log chunks, artifact folder removed: {FolderRemoved}")]
    public static partial void RunDeleted(ILogger logger, string runId, int metricChunks, int logChunks, bool folderRemoved);
}
