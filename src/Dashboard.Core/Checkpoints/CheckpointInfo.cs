namespace Dashboard.Core.Checkpoints;

/// <summary>
/// Description of one saved checkpoint, stored as <c>checkpoint.json</c> inside its folder.
/// </summary>
/// <param name="Ordinal">Epochs of the whole run done when it was saved, counting every phase; orders checkpoints.</param>
/// <param name="Phase">Phase of the study the checkpoint resumes, for example <c>final</c> or <c>badloss-trajectory</c>.</param>
/// <param name="Epoch">Epochs of <paramref name="Phase"/> done.</param>
/// <param name="Step">Optimiser steps of <paramref name="Phase"/> done; metric points of the phase after it are not covered.</param>
/// <param name="CompletedMetrics">
/// Metric names or prefixes ending in <c>*</c> that belong to earlier, finished phases. A resume keeps all their
/// points and drops the points of every other metric whose step is after <paramref name="Step"/>.
/// </param>
/// <param name="TrainingSeconds">Seconds spent training in <paramref name="Phase"/> so far, for the mean epoch time.</param>
public sealed record CheckpointInfo(
    int Ordinal,
    string Phase,
    int Epoch,
    long Step,
    IReadOnlyList<string> CompletedMetrics,
    double TrainingSeconds,
    DateTimeOffset SavedAt);
