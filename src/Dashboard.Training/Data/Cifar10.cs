using Dashboard.Core.Experiments;

namespace Dashboard.Training.Data;

/// <summary>
/// CIFAR-10 (Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009): 50,000 training
/// and 10,000 test colour images of 32×32 pixels in 10 classes, read from the dataset's binary version.
/// </summary>
/// <remarks>
/// The standard files hold 10,000 records each, but any whole number of records is accepted, so that a
/// smaller set with the same layout loads too. A run logs the loaded counts.
/// </remarks>
public static class Cifar10
{
    public const string DatasetId = "cifar-10";

    public const string DownloadPage = "https://www.cs.toronto.edu/~kriz/cifar.html";

    /// <summary>Folder that the binary archive (cifar-10-binary.tar.gz) extracts to.</summary>
    public const string ArchiveFolder = "cifar-10-batches-bin";

    public const string TestFile = "test_batch.bin";

    /// <summary>Optional file with one class name per line.</summary>
    public const string ClassNamesFile = "batches.meta.txt";

    public static IReadOnlyList<string> TrainingFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public static DatasetInfo Info { get; } = new(
        DatasetId,
        "CIFAR-10",
        new ImageShape(3, 32, 32),
        TrainingImages: 50_000,
        TestImages: 10_000,
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]);

    /// <summary>
    /// Returns the folder set as <c>Datasets:cifar-10</c>. There is no built-in default, because the server
    /// resolves relative folders against its content root, which a worker does not have.
    /// </summary>
    /// <exception cref="RunFailedException">The setting is absent.</exception>
    public static string ResolveFolder(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.DatasetPaths.TryGetValue(DatasetId, out string? folder)
            ? folder
            : throw new RunFailedException($"No folder is set for CIFAR-10. {InstallHint}");
    }

    /// <summary>
    /// Returns the folder that contains the batch files: <paramref name="folder"/> itself, or its
    /// <see cref="ArchiveFolder"/> subfolder when the archive was extracted there.
    /// </summary>
    public static string LocateBatches(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string extracted = Path.Combine(folder, ArchiveFolder);
        bool onlyInArchiveFolder = !File.Exists(Path.Combine(folder, TrainingFiles[0]))
            && File.Exists(Path.Combine(extracted, TrainingFiles[0]));
        return onlyInArchiveFolder ? extracted : folder;
    }

    /// <summary>Returns the path of the first missing folder or batch file, or null when all six files exist.</summary>
    public static string? FindMissingFile(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            return folder;
        }

        string batches = LocateBatches(folder);
        return TrainingFiles.Append(TestFile).Select(name => Path.Combine(batches, name)).FirstOrDefault(path => !File.Exists(path));
    }

    /// <summary>
    /// Loads both splits from <paramref name="folder"/> or its <see cref="ArchiveFolder"/> subfolder.
    /// Throws <see cref="RunFailedException"/> naming the path when the folder or a file is missing, a file's
    /// length is not a whole number of records, or a label is outside 0 to 9.
    /// </summary>
    public static ImageDataset Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (FindMissingFile(folder) is { } missing)
        {
            string kind = missing == folder ? "folder" : "file";
            throw new RunFailedException($"The CIFAR-10 {kind} {missing} does not exist. {InstallHint}");
        }

        string batches = LocateBatches(folder);
        try
        {
            var info = Info with { ClassNames = ReadClassNames(batches) };
            var training = ReadSplit(batches, TrainingFiles, info.Shape);
            var test = ReadSplit(batches, [TestFile], info.Shape);
            return new ImageDataset(info, training, test);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new RunFailedException($"Failed to read CIFAR-10: {exception.Message} {InstallHint}", exception);
        }
    }

    private static string InstallHint =>
        $"Download the binary version (cifar-10-binary.tar.gz) from {DownloadPage}, extract it, and set Datasets:{DatasetId} "
        + $"in the server's settings to the folder that contains data_batch_1.bin to data_batch_5.bin and {TestFile}.";

    private static ImageSet ReadSplit(string folder, IReadOnlyList<string> names, ImageShape shape)
    {
        var paths = names.Select(name => Path.Combine(folder, name)).ToList();

        // Every length is checked before anything is read, so a truncated last file fails in milliseconds.
        var counts = paths.Select(Cifar10BatchFile.CountRecords).ToList();
        int total = checked(counts.Sum());

        var pixels = new float[checked(total * shape.PixelCount)];
        var labels = new int[total];
        int next = 0;
        foreach (string path in paths)
        {
            next += Cifar10BatchFile.Read(path, pixels, labels, next);
        }

        return new ImageSet(shape, pixels, labels);
    }

    /// <summary>
    /// Returns the names in <see cref="ClassNamesFile"/> when it exists, else the standard names. The file
    /// lists one name per line and ends with blank lines, which are skipped.
    /// </summary>
    private static IReadOnlyList<string> ReadClassNames(string folder)
    {
        string path = Path.Combine(folder, ClassNamesFile);
        if (!File.Exists(path))
        {
            return Info.ClassNames;
        }

        var names = File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (names.Count != Info.ClassCount)
        {
            throw new InvalidDataException(
                $"{path} lists {names.Count} class names; CIFAR-10 has {Info.ClassCount}. Delete the file to use the standard names.");
        }

        return names;
    }
}
