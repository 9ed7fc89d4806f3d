namespace Dashboard.Web.Annotations;

/// <summary>Log messages of run and group editing.</summary>
internal static partial class AnnotationLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Run {RunId} archived: {Archived}")]
    public static partial void RunArchiveChanged(ILogger logger, string runId, bool archived);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Rejected deleting run {RunId}: it is queued or running")]
    public static partial void DeleteRejected(ILogger logger, string runId);
}
