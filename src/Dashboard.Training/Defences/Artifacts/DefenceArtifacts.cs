using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Defences.Artifacts;

public static class DefenceArtifacts
{
    /// <summary>Saves <c>score-histogram.json</c>, <c>removed-examples.json</c> and <c>surviving-poisons.json</c>.</summary>
    public static void Save(IRunContext context, DefenceKind kind, DetectionResult detection, TrainingRows rows, BackdoorData data)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(data);

        string defence = ConfigurationSchema.EnumJsonValue(kind);
        context.SaveArtifact(ScoreHistogramArtifact.Name, ScoreHistogramArtifact.ContentType, ScoreHistogramArtifact.Create(defence, detection, rows));

        var images = data.Training.Images;
        var shape = data.Training.Shape;
        string removed = detection.RemovedName;
        context.SaveArtifact(
            ExampleGalleryArtifact.RemovedName,
            ExampleGalleryArtifact.ContentType,
            ExampleGalleryArtifact.Create(
                $"{removed} examples with the highest {detection.ScoreName}",
                ExampleGalleryArtifact.RemovedRows(detection),
                detection,
                rows,
                images,
                shape));
        context.SaveArtifact(
            ExampleGalleryArtifact.SurvivingPoisonsName,
            ExampleGalleryArtifact.ContentType,
            ExampleGalleryArtifact.Create(
                $"Poisoned examples the defence kept, highest {detection.ScoreName} first",
                ExampleGalleryArtifact.SurvivingPoisonRows(detection, rows),
                detection,
                rows,
                images,
                shape));
    }
}
