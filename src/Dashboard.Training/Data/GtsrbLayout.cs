namespace Dashboard.Training.Data;

/// <summary>
/// Where GTSRB's files lie under the folder set as <c>Datasets:gtsrb</c>. The training and test image
/// archives both extract into a <c>GTSRB</c> folder (<c>GTSRB/Final_Training/Images/00000/…</c>,
/// <c>GTSRB/Final_Test/Images/…</c>), and the test annotation archive extracts <c>GT-final_test.csv</c>
/// next to it. The setting may name the folder that contains <c>GTSRB</c> or <c>GTSRB</c> itself.
/// </summary>
public sealed class GtsrbLayout
{
    public const string ArchiveFolder = "GTSRB";

    public const string TestAnnotationsFile = "GT-final_test.csv";

    private GtsrbLayout(string folder, string root)
    {
        Folder = folder;
        Root = root;
    }

    /// <summary>The configured folder.</summary>
    public string Folder { get; }

    /// <summary>The folder that contains <c>Final_Training</c> and <c>Final_Test</c>.</summary>
    public string Root { get; }

    public string TrainingImages => Path.Combine(Root, "Final_Training", "Images");

    public string TestImages => Path.Combine(Root, "Final_Test", "Images");

    /// <summary>Places searched for <see cref="TestAnnotationsFile"/>, in order.</summary>
    public IReadOnlyList<string> TestAnnotationCandidates =>
        new[] { Folder, Root, Path.Combine(Root, "Final_Test"), TestImages }
            .Distinct()
            .Select(folder => Path.Combine(folder, TestAnnotationsFile))
            .ToList();

    public static GtsrbLayout Of(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string extracted = Path.Combine(folder, ArchiveFolder);
        bool onlyInArchiveFolder = !Directory.Exists(Path.Combine(folder, "Final_Training"))
            && Directory.Exists(Path.Combine(extracted, "Final_Training"));
        return new GtsrbLayout(folder, onlyInArchiveFolder ? extracted : folder);
    }

    /// <summary>Folder of training class <paramref name="classId"/>, named by its five-digit number.</summary>
    public string ClassFolder(int classId) => Path.Combine(TrainingImages, classId.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));

    public string ClassAnnotations(int classId) =>
        Path.Combine(ClassFolder(classId), $"GT-{classId.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)}.csv");

    /// <summary>Returns the first of <see cref="TestAnnotationCandidates"/> that exists, or null.</summary>
    public string? FindTestAnnotations() => TestAnnotationCandidates.FirstOrDefault(File.Exists);
}
