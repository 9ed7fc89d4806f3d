using Dashboard.Core.Runs;
using Dashboard.Storage;

namespace Dashboard.Web.Compute;

/// <summary>Cancels every member of a group, such as a whole sweep: queued members end at once, running ones are asked to stop.</summary>
public sealed class GroupCancellation(IRunGroupStore groups, IRunStore runs, RunCoordinator coordinator, ILogger<GroupCancellation> logger)
{
    /// <summary>Cancels the group's members; returns null if no group has the id.</summary>
    public async Task<GroupCancelResult?> CancelAsync(string groupId)
    {
        var group = groups.Find(groupId);
        if (group is null)
        {
            return null;
        }

        // Queued members go first so that stopping a running member cannot free a slot for one of them.
        var memberIds = group.Members
            .Where(member => !member.Deleted)
            .Select(member => member.RunId)
            .OrderBy(runId => runs.Find(runId)?.Status == RunStatus.Queued ? 0 : 1)
            .ToList();

        int cancelled = 0;
        int stopRequested = 0;
        int alreadyEnded = 0;
        foreach (string runId in memberIds)
        {
            switch (await coordinator.CancelAsync(runId))
            {
                case CancelResult.Cancelled:
                    cancelled++;
                    break;
                case CancelResult.Requested:
                    stopRequested++;
                    break;
                default:
                    alreadyEnded++;
                    break;
            }
        }

        logger.LogInformation(
            "Group {GroupId} cancelled: {Cancelled} queued runs cancelled, {StopRequested} running runs asked to stop, {AlreadyEnded} already ended",
            groupId,
            cancelled,
            stopRequested,
            alreadyEnded);
        return new GroupCancelResult(cancelled, stopRequested, alreadyEnded);
    }
}

/// <summary>Counts of a group cancellation: queued runs cancelled, running runs asked to stop, and runs that had already ended.</summary>
public sealed record GroupCancelResult(int Cancelled, int StopRequested, int AlreadyEnded);
