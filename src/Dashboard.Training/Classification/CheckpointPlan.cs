using Dashboard.Core.Checkpoints;

namespace Dashboard.Training.Classification;

/// <summary>Where a training phase saves a checkpoint after each epoch, and the checkpoint it resumes from, if any.</summary>
/// <param name="Phase">Phase name stored in each checkpoint, for example <c>final</c>.</param>
/// <param name="OrdinalOffset">Epochs of the whole run before this phase; a checkpoint's ordinal is this plus its epoch.</param>
/// <param name="CompletedMetrics">Metrics of earlier phases whose points a resume keeps whole.</param>
/// <param name="Resume">Checkpoint of this phase to continue from, or null to train from the first epoch.</param>
/// <param name="WriteStudyState">Writes the study's own files into each checkpoint's folder, or null for none.</param>
public sealed record CheckpointPlan(
    CheckpointFolder Folder,
    string Phase,
    int OrdinalOffset,
    IReadOnlyList<string> CompletedMetrics,
    SavedCheckpoint? Resume,
    Action<string>? WriteStudyState = null)
{
    /// <summary>Returns the description of the checkpoint after <paramref name="epoch"/> of this phase.</summary>
    public CheckpointInfo Describe(int epoch, long step, double trainingSeconds) =>
        new(OrdinalOffset + epoch, Phase, epoch, step, CompletedMetrics, trainingSeconds, DateTimeOffset.UtcNow);
}
