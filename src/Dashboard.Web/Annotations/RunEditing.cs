using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Live;

namespace Dashboard.Web.Annotations;

/// <summary>Outcome of a change to a stored run or group: the changed item, or why it was not changed.</summary>
public sealed record EditResult<T>(T? Item, IReadOnlyList<FieldError> Errors, bool NotFound = false)
    where T : class
{
    public bool Succeeded => Item is not null;
}

/// <summary>
/// Changes a run or group after launch, for the pages and the HTTP API alike: its name, tags and notes, the run's
/// archive state, and deleting a run with everything stored for it. Each change to a run is published as a status
/// message, so open run lists and run pages reload.
/// </summary>
public sealed class RunEditing(
    IRunStore runs,
    IRunGroupStore groups,
    RunDeletion deletion,
    RunCoordinator coordinator,
    LiveRunFeed feed,
    TimeProvider time,
    ILogger<RunEditing> logger)
{
    public async Task<EditResult<RunRecord>> AnnotateRunAsync(string runId, Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);

        var errors = annotation.Validate();
        if (errors.Count > 0)
        {
            return new EditResult<RunRecord>(null, errors);
        }

        var run = runs.Edit(runId, run => annotation.ApplyTo(name => run.Name = name, run.Tags, notes => run.Notes = notes));
        if (run is not null)
        {
            await feed.PublishStatusAsync(run);
        }

        return new EditResult<RunRecord>(run, [], NotFound: run is null);
    }

    public EditResult<RunGroup> AnnotateGroup(string groupId, Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);

        var errors = annotation.Validate();
        if (errors.Count > 0)
        {
            return new EditResult<RunGroup>(null, errors);
        }

        var group = groups.Edit(groupId, group => annotation.ApplyTo(name => group.Name = name, group.Tags, notes => group.Notes = notes));
        return new EditResult<RunGroup>(group, [], NotFound: group is null);
    }

    /// <summary>Archives or restores a run; returns the run, or null if no run has the id.</summary>
    public async Task<RunRecord?> SetArchivedAsync(string runId, bool archived)
    {
        var run = runs.Edit(runId, run => run.ArchivedAt = archived ? run.ArchivedAt ?? time.GetUtcNow() : null);
        if (run is not null)
        {
            AnnotationLog.RunArchiveChanged(logger, runId, archived);
            await feed.PublishStatusAsync(run);
        }

        return run;
    }

    /// <summary>Deletes a finished run with its metrics, logs and artifacts; a run with a worker is rejected.</summary>
    public async Task<RunDeletionResult> DeleteAsync(string runId)
    {
        var run = runs.Find(runId);
        var result = coordinator.FindActive(runId) is null ? deletion.Delete(runId) : RunDeletionResult.NotFinished;
        if (result == RunDeletionResult.NotFinished)
        {
            AnnotationLog.DeleteRejected(logger, runId);
        }

        if (result == RunDeletionResult.Deleted && run is not null)
        {
            // Run lists reload on any status message and no longer find the run.
            await feed.PublishStatusAsync(run);
        }

        return result;
    }

    /// <summary>The message for a run that cannot be deleted yet.</summary>
    public static string NotFinishedMessage(string runId) =>
        $"Run {runId} is queued or running, so it cannot be deleted. Cancel it first, then delete it.";
}
