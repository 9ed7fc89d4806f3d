using Dashboard.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Dashboard.Storage;

/// <summary>Outcome of <see cref="RunDeletion.Delete"/>.</summary>
public enum RunDeletionResult
{
    Deleted,
    NotFound,

    /// <summary>The run is queued or running, so it must be cancelled first.</summary>
    NotFinished,
}

/// <summary>
/// Deletes a finished run with everything stored for it: metric points, log lines, the artifact folder and the
/// run document. A group that contains the run keeps its member, marked deleted, so the group's rows stay.
/// </summary>
public sealed class RunDeletion(
    IRunStore runs,
    IMetricStore metrics,
    IRunLogStore logs,
    IArtifactStore artifacts,
    IRunGroupStore groups,
    ILogger<RunDeletion> logger)
{
    public RunDeletionResult Delete(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);

        var run = runs.Find(runId);
        if (run is null)
        {
            return RunDeletionResult.NotFound;
        }

        if (!run.Status.IsFinal())
        {
            return RunDeletionResult.NotFinished;
        }

        // The document goes last, so a failure part-way leaves a run that can be deleted again.
        int metricChunks = metrics.DeleteRun(runId);
        int logChunks = logs.DeleteRun(runId);
        bool folderRemoved = artifacts.DeleteRunFolder(runId);
        if (run.GroupId is { } groupId)
        {
            groups.Edit(groupId, group => MarkDeleted(group, runId));
        }

        runs.Delete(runId);
        StorageLog.RunDeleted(logger, runId, metricChunks, logChunks, folderRemoved);
        return RunDeletionResult.Deleted;
    }

    private static void MarkDeleted(RunGroup group, string runId)
    {
        for (int i = 0; i < group.Members.Count; i++)
        {
            if (group.Members[i].RunId == runId)
            {
                group.Members[i] = group.Members[i] with { Deleted = true };
            }
        }
    }
}
