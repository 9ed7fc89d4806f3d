namespace Dashboard.Training.Data;

/// <summary>A loaded image classification dataset: its training and test splits and its class names.</summary>
public sealed class ImageDataset
{
    public ImageDataset(DatasetInfo info, ImageSet training, ImageSet test)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);

        Info = info;
        Training = training;
        Test = test;
    }

    public DatasetInfo Info { get; }

    public ImageSet Training { get; }

    public ImageSet Test { get; }

    public int ClassCount => Info.ClassCount;

    public IReadOnlyList<string> ClassNames => Info.ClassNames;

    public ImageShape Shape => Info.Shape;
}
