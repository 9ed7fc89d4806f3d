using Dashboard.Core.Experiments;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>Maps <see cref="BackdoorDataset"/> choices to dataset facts, folders and loaders.</summary>
public static class BackdoorDatasets
{
    public static DatasetInfo Info(BackdoorDataset dataset) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.Info,
        BackdoorDataset.Cifar10 => Cifar10.Info,
        BackdoorDataset.Gtsrb => Gtsrb.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>
    /// Returns the folder that <paramref name="environment"/> sets for <paramref name="dataset"/>. Only
    /// Fashion-MNIST has a default (Debian's package folder), and the others need their <c>Datasets</c> setting.
    /// </summary>
    /// <exception cref="RunFailedException">CIFAR-10 or GTSRB has no folder setting.</exception>
    public static string ResolveFolder(BackdoorDataset dataset, RunEnvironment environment) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.ResolveFolder(environment),
        BackdoorDataset.Cifar10 => Cifar10.ResolveFolder(environment),
        BackdoorDataset.Gtsrb => Gtsrb.ResolveFolder(environment),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <exception cref="RunFailedException">The folder or a file is missing or invalid.</exception>
    public static ImageDataset Load(BackdoorDataset dataset, string folder) => dataset switch
    {
        BackdoorDataset.FashionMnist => FashionMnist.Load(folder),
        BackdoorDataset.Cifar10 => Cifar10.Load(folder),
        BackdoorDataset.Gtsrb => Gtsrb.Load(folder),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>
    /// Returns whether <paramref name="dataset"/>'s folder and key files exist, so that a launch form can offer
    /// only loadable datasets. It checks only that files exist, in milliseconds, so a corrupt file still fails the run.
    /// </summary>
    /// <param name="resolvedDatasetPaths">
    /// The server's <c>Datasets</c> settings by dataset id (<see cref="DatasetInfo.Id"/>), relative paths
    /// already resolved against the content root, as handed to workers.
    /// </param>
    public static bool IsAvailable(BackdoorDataset dataset, IReadOnlyDictionary<string, string> resolvedDatasetPaths) =>
        DescribeUnavailable(dataset, resolvedDatasetPaths) is null;

    /// <summary>
    /// Returns null when <see cref="IsAvailable"/> is true, else one sentence naming the missing setting, folder
    /// or file, for a tooltip or log line next to the disabled choice.
    /// </summary>
    public static string? DescribeUnavailable(BackdoorDataset dataset, IReadOnlyDictionary<string, string> resolvedDatasetPaths)
    {
        ArgumentNullException.ThrowIfNull(resolvedDatasetPaths);
        var info = Info(dataset);
        string? folder = resolvedDatasetPaths.TryGetValue(info.Id, out string? configured) ? configured
            : dataset == BackdoorDataset.FashionMnist ? FashionMnist.DebianPackageFolder
            : null;
        if (string.IsNullOrEmpty(folder))
        {
            return $"{info.DisplayName} needs the setting Datasets:{info.Id}.";
        }

        string? missing = dataset switch
        {
            BackdoorDataset.FashionMnist => FashionMnist.FindMissingFile(folder),
            BackdoorDataset.Cifar10 => Cifar10.FindMissingFile(folder),
            BackdoorDataset.Gtsrb => Gtsrb.FindMissingFile(folder),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
        };
        return missing is null ? null : $"{info.DisplayName} is not available: {missing} (from Datasets:{info.Id}) does not exist.";
    }
}
