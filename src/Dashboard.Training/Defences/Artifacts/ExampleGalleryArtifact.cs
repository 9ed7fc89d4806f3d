using System.Text.Json;
using Dashboard.Training.Data;
using Dashboard.Training.Images;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Defences.Artifacts;

/// <summary>
/// The run artifacts <c>removed-examples.json</c> (the highest-scored removed or isolated examples) and
/// <c>surviving-poisons.json</c> (poisoned examples the defence kept, highest score first):
/// <c>{"title", "examples": [{"index", "givenLabel", "trueLabel", "attack", "score", "image"}]}</c>, where
/// <c>index</c> is the example's index in the dataset's full training split, <c>attack</c> is the attack label
/// or null, and <c>image</c> is the poisoned training image as a PNG data URI at native resolution.
/// </summary>
public static class ExampleGalleryArtifact
{
    public const string RemovedName = "removed-examples.json";

    public const string SurvivingPoisonsName = "surviving-poisons.json";

    public const string ContentType = "application/json";

    public const int MaximumExamples = 64;

    /// <summary>Returns the rows for <see cref="RemovedName"/>: removed rows, highest score first, at most <see cref="MaximumExamples"/>.</summary>
    public static int[] RemovedRows(DetectionResult detection) =>
        HighestScored(detection, row => detection.Removed[row]);

    /// <summary>Returns the rows for <see cref="SurvivingPoisonsName"/>: poisoned rows that were kept, highest score first.</summary>
    public static int[] SurvivingPoisonRows(DetectionResult detection, TrainingRows rows) =>
        HighestScored(detection, row => !detection.Removed[row] && rows.PoisonFlags[row]);

    /// <param name="images">The training tensor [N, C, H, W] the rows index, on any device.</param>
    public static byte[] Create(string title, IReadOnlyList<int> selected, DetectionResult detection, TrainingRows rows, Tensor images, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(images);

        float[] pixels = CopyImages(images, selected);
        var examples = new List<Example>(selected.Count);
        for (int i = 0; i < selected.Count; i++)
        {
            int row = selected[i];
            int attack = rows.AttackOfRow[row];
            var image = pixels.AsSpan(i * shape.PixelCount, shape.PixelCount);
            examples.Add(new Example(
                rows.SplitIndex[row],
                rows.GivenLabel[row],
                rows.TrueLabel[row],
                attack >= 0 ? rows.AttackLabels[attack] : null,
                detection.Scores[row],
                PngDataUri.Encode(image, shape)));
        }

        return JsonSerializer.SerializeToUtf8Bytes(new Document(title, examples), ArtifactJson.Options);
    }

    private static int[] HighestScored(DetectionResult detection, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(detection);

        return [.. Enumerable.Range(0, detection.Scores.Length)
            .Where(include)
            .OrderByDescending(row => detection.Scores[row])
            .ThenBy(row => row)
            .Take(MaximumExamples)];
    }

    private static float[] CopyImages(Tensor images, IReadOnlyList<int> selected)
    {
        if (selected.Count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        var index = torch.tensor(selected.Select(row => (long)row).ToArray(), device: images.device);
        using var values = images.index_select(0, index).cpu().contiguous().data<float>();
        return values.ToArray();
    }

    private sealed record Document(string Title, IReadOnlyList<Example> Examples);

    private sealed record Example(int Index, int GivenLabel, int TrueLabel, string? Attack, double Score, string Image);
}
