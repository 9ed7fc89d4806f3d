using Dashboard.Core.Experiments;

namespace Dashboard.Training.Data;

/// <summary>
/// The German Traffic Sign Recognition Benchmark (Stallkamp et al., IJCNN 2011): 39,209 training and
/// 12,630 test colour photographs of traffic signs in 43 classes, stored as PPM images with CSV
/// annotations. Each image is cropped to its annotated sign and resized to 32×32.
/// </summary>
/// <remarks>
/// Pixels are stored as float32 in [0, 1], so the training split takes about 480 MB (39,209 × 3,072 × 4
/// bytes) and the test split about 155 MB. Storing bytes would quarter that, but the triggers write
/// fractional values and the training tensors are float32, so every consumer would convert anyway.
/// </remarks>
public static class Gtsrb
{
    public const string DatasetId = "gtsrb";

    public const int ClassCount = 43;

    public const string DownloadHint =
        "The data are the archives GTSRB_Final_Training_Images.zip, GTSRB_Final_Test_Images.zip and GTSRB_Final_Test_GT.zip "
        + "of the German Traffic Sign Recognition Benchmark (the IJCNN 2011 competition's final training and test sets).";

    public static DatasetInfo Info { get; } = new(
        DatasetId,
        "GTSRB",
        new ImageShape(3, 32, 32),
        TrainingImages: 39_209,
        TestImages: 12_630,
        GtsrbClassNames.All);

    /// <summary>
    /// Returns the folder set as <c>Datasets:gtsrb</c>. There is no built-in default, because the server
    /// resolves relative folders against its content root, which a worker does not have.
    /// </summary>
    /// <exception cref="RunFailedException">The setting is absent.</exception>
    public static string ResolveFolder(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.DatasetPaths.TryGetValue(DatasetId, out string? folder)
            ? folder
            : throw new RunFailedException($"No folder is set for GTSRB. {InstallHint}");
    }

    /// <summary>
    /// Returns the path of the first missing folder or annotation file, or null when the training and test
    /// image folders and all 44 annotation files exist. Images are not checked here, but <see cref="Load"/> reports missing ones.
    /// </summary>
    public static string? FindMissingFile(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            return folder;
        }

        var layout = GtsrbLayout.Of(folder);
        foreach (string required in new[] { layout.TrainingImages, layout.TestImages })
        {
            if (!Directory.Exists(required))
            {
                return required;
            }
        }

        for (int classId = 0; classId < ClassCount; classId++)
        {
            if (!File.Exists(layout.ClassAnnotations(classId)))
            {
                return layout.ClassAnnotations(classId);
            }
        }

        return layout.FindTestAnnotations() is null ? layout.TestAnnotationCandidates[0] : null;
    }

    /// <summary>
    /// Loads both splits. Throws <see cref="RunFailedException"/> naming the path when the folder, an
    /// annotation file or a listed image is missing, or a file is invalid.
    /// </summary>
    public static ImageDataset Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (FindMissingFile(folder) is { } missing)
        {
            throw new RunFailedException($"The GTSRB {DescribeMissing(folder, missing)} {InstallHint}");
        }

        var layout = GtsrbLayout.Of(folder);
        try
        {
            var training = GtsrbReader.Read(TrainingEntries(layout), imagesFolder: null, Info.Shape, ClassCount);
            string testAnnotations = layout.FindTestAnnotations()!;
            var testEntries = GtsrbAnnotationFile.Read(testAnnotations).Select(a => new GtsrbReader.Entry(testAnnotations, a)).ToList();
            var test = GtsrbReader.Read(testEntries, layout.TestImages, Info.Shape, ClassCount);
            return new ImageDataset(Info, training, test);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new RunFailedException($"Failed to read GTSRB: {exception.Message} {InstallHint}", exception);
        }
    }

    private static string InstallHint =>
        $"{DownloadHint} Extract all three into one folder and set Datasets:{DatasetId} in the server's settings to it.";

    private static string DescribeMissing(string folder, string missing)
    {
        if (missing == folder)
        {
            return $"folder {folder} does not exist.";
        }

        if (Path.GetFileName(missing) == GtsrbLayout.TestAnnotationsFile)
        {
            var candidates = GtsrbLayout.Of(folder).TestAnnotationCandidates;
            return $"test annotation file {GtsrbLayout.TestAnnotationsFile} is not in any of {string.Join(", ", candidates.Select(Path.GetDirectoryName))}.";
        }

        return Path.HasExtension(missing) ? $"annotation file {missing} does not exist." : $"folder {missing} does not exist.";
    }

    /// <summary>Annotations of every training class, class 0 first, each class in its file's order.</summary>
    private static List<GtsrbReader.Entry> TrainingEntries(GtsrbLayout layout)
    {
        var entries = new List<GtsrbReader.Entry>(Info.TrainingImages);
        for (int classId = 0; classId < ClassCount; classId++)
        {
            string path = layout.ClassAnnotations(classId);
            foreach (var annotation in GtsrbAnnotationFile.Read(path))
            {
                if (annotation.ClassId != classId)
                {
                    throw new InvalidDataException(
                        $"{path} line {annotation.Line} has ClassId {annotation.ClassId}, but the file lies in the folder of class {classId}.");
                }

                entries.Add(new GtsrbReader.Entry(path, annotation));
            }
        }

        return entries;
    }
}
