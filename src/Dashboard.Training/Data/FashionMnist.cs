using Dashboard.Core.Experiments;

namespace Dashboard.Training.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test grey images of
/// 28×28 pixels in 10 clothing classes, stored as four IDX files, gzip-compressed or raw.
/// </summary>
public static class FashionMnist
{
    public const string DatasetId = "fashion-mnist";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DebianPackageFolder = "/usr/share/datasets/fashion-mnist";

    public static DatasetInfo Info { get; } = new(
        DatasetId,
        "Fashion-MNIST",
        new ImageShape(1, 28, 28),
        TrainingImages: 60_000,
        TestImages: 10_000,
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    /// <summary>
    /// Returns the folder set as <c>Datasets:fashion-mnist</c>, or the Debian package's folder when the
    /// setting is absent.
    /// </summary>
    public static string ResolveFolder(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.DatasetPaths.ContainsKey(DatasetId) ? environment.DatasetPath(DatasetId) : DebianPackageFolder;
    }

    /// <summary>
    /// Returns the path of the missing folder or the first of the four IDX files found neither gzip-compressed
    /// nor raw, or null when all four exist.
    /// </summary>
    public static string? FindMissingFile(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            return folder;
        }

        string[] names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
        return names
            .Where(name => !File.Exists(Path.Combine(folder, name + ".gz")) && !File.Exists(Path.Combine(folder, name)))
            .Select(name => Path.Combine(folder, name + ".gz"))
            .FirstOrDefault();
    }

    /// <summary>
    /// Loads both splits from <paramref name="folder"/>. Throws <see cref="RunFailedException"/> naming the
    /// path when the folder or a file is missing or a file is not valid IDX.
    /// </summary>
    public static ImageDataset Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new RunFailedException($"The Fashion-MNIST folder {folder} does not exist. {InstallHint}");
        }

        var training = LoadSplit(folder, "train");
        var test = LoadSplit(folder, "t10k");
        return new ImageDataset(Info, training, test);
    }

    private static string InstallHint =>
        $"Install it with `sudo apt-get install dataset-fashion-mnist` (files go to {DebianPackageFolder}), "
        + $"or set the dataset folder setting Datasets:{DatasetId} to a folder with the four IDX files.";

    private static ImageSet LoadSplit(string folder, string prefix)
    {
        string imagesPath = FindFile(folder, $"{prefix}-images-idx3-ubyte");
        string labelsPath = FindFile(folder, $"{prefix}-labels-idx1-ubyte");
        try
        {
            var (images, labels) = IdxReader.ReadLabelledImages(imagesPath, labelsPath);
            return ToImageSet(images, labels, imagesPath, labelsPath);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new RunFailedException($"Failed to read Fashion-MNIST: {exception.Message}", exception);
        }
    }

    /// <summary>Returns the gzip-compressed file if present, else the raw one.</summary>
    private static string FindFile(string folder, string name)
    {
        string compressed = Path.Combine(folder, name + ".gz");
        if (File.Exists(compressed))
        {
            return compressed;
        }

        string raw = Path.Combine(folder, name);
        if (File.Exists(raw))
        {
            return raw;
        }

        throw new RunFailedException($"The Fashion-MNIST file {compressed} is missing (nor is there an uncompressed {name}). {InstallHint}");
    }

    private static ImageSet ToImageSet(IdxImages images, byte[] labels, string imagesPath, string labelsPath)
    {
        var shape = Info.Shape;
        if (images.Rows != shape.Height || images.Columns != shape.Width)
        {
            throw new InvalidDataException(
                $"{imagesPath} contains images of {images.Rows}x{images.Columns}; Fashion-MNIST images are {shape.Height}x{shape.Width}.");
        }

        var classes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= Info.ClassCount)
            {
                throw new InvalidDataException(
                    $"{labelsPath} has label {labels[i]} at index {i}; Fashion-MNIST labels are 0 to {Info.ClassCount - 1}.");
            }

            classes[i] = labels[i];
        }

        var pixels = new float[images.Pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = images.Pixels[i] / 255f;
        }

        return new ImageSet(shape, pixels, classes);
    }
}
