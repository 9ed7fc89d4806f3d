namespace Dashboard.Core.Experiments;

/// <summary>
/// Settings of the machine a run executes on, passed from the server's configuration to the worker.
/// </summary>
public sealed record RunEnvironment
{
    /// <summary>Folder of each dataset by its identifier, for example <c>fashion-mnist</c>.</summary>
    public IReadOnlyDictionary<string, string> DatasetPaths { get; init; } = new Dictionary<string, string>();

    /// <summary><c>auto</c> (CUDA when available, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Intra-op threads for libtorch; 0 keeps libtorch's default.</summary>
    public int TorchThreads { get; init; }

    /// <summary>
    /// Folder of this run's checkpoints, or null when the run saves none. The server sets it to the
    /// <c>checkpoints</c> subfolder of the run's artifact folder. Workers write there directly, which needs
    /// them on the server's machine (the server starts them as local processes), so checkpoints of several MB
    /// per epoch are never sent over HTTP and are renamed into place on the same file system.
    /// </summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>Number of newest checkpoints kept; older ones are deleted after each save.</summary>
    public int CheckpointsKept { get; init; } = 1;

    public string DatasetPath(string dataset) =>
        DatasetPaths.TryGetValue(dataset, out var path)
            ? path
            : throw new RunFailedException($"No folder is configured for dataset '{dataset}'. Set Datasets:{dataset} in appsettings.json.");
}
