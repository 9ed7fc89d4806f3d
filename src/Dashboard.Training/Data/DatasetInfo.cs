namespace Dashboard.Training.Data;

/// <summary>
/// Facts about an image classification dataset that validation needs before any file is read.
/// </summary>
/// <param name="Id">Identifier used for the dataset folder setting <c>Datasets:{Id}</c>.</param>
public sealed record DatasetInfo(
    string Id,
    string DisplayName,
    ImageShape Shape,
    int TrainingImages,
    int TestImages,
    IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;
}
