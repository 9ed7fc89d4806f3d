using Dashboard.Core.Runs;

namespace Dashboard.Storage;

/// <summary>
/// Files that runs produce, kept as plain files under <see cref="StorageOptions.ArtifactsPath"/> in one folder per
/// run. Names must be 1 to 100 characters of letters, digits, '.', '_' and '-', not starting with '.'.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Writes <c>{ArtifactsPath}/{runId}/{name}</c>, replacing an existing file, and returns its description.</summary>
    ArtifactInfo Save(string runId, string name, string contentType, ReadOnlySpan<byte> content);

    /// <summary>Opens the artifact for reading, or returns null if it does not exist. The caller disposes the stream.</summary>
    Stream? Open(string runId, string name);

    /// <summary>Returns the full path of the run's artifact folder, creating it if missing.</summary>
    string RunFolder(string runId);

    /// <summary>Deletes the run's artifact folder with everything in it; returns false if it did not exist.</summary>
    bool DeleteRunFolder(string runId);
}
