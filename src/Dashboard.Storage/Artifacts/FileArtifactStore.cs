using Dashboard.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Dashboard.Storage;

/// <summary>
/// Artifact files under <see cref="StorageOptions.ArtifactsPath"/>. The constructor creates the folder and writes a
/// probe file, so a folder that cannot be written fails at start-up.
/// </summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private const string ArtifactsSetting = "Storage:ArtifactsPath";

    /// <summary>Starts with a dot, which artifact names cannot, so it never collides with an artifact.</summary>
    private const string ProbeFileName = ".write-check";

    /// <exception cref="StorageUnavailableException">The folder cannot be created or written.</exception>
    public FileArtifactStore(StorageOptions options, ILogger<FileArtifactStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        RootPath = Path.GetFullPath(options.ArtifactsPath);
        try
        {
            Directory.CreateDirectory(RootPath);
            string probe = Path.Combine(RootPath, ProbeFileName);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            StorageLog.ArtifactFolderUnavailable(logger, exception, RootPath);
            throw new StorageUnavailableException(
                $"Cannot write the artifact folder at {RootPath}: {exception.Message.TrimEnd('.')}. Set {ArtifactsSetting} to a writable folder.",
                RootPath,
                ArtifactsSetting,
                exception);
        }

        StorageLog.ArtifactFolderReady(logger, RootPath);
    }

    /// <summary>Full path of the folder that contains the run folders.</summary>
    public string RootPath { get; }

    public ArtifactInfo Save(string runId, string name, string contentType, ReadOnlySpan<byte> content)
    {
        ArtifactNames.Validate(name, nameof(name), "Artifact name");
        ArgumentException.ThrowIfNullOrEmpty(contentType);

        string folder = RunFolder(runId);
        string path = Path.Combine(folder, name);

        // Write beside the target and rename over it, so a reader never sees a half-written file.
        string temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new ArtifactInfo(name, contentType, content.Length, DateTimeOffset.UtcNow);
    }

    public Stream? Open(string runId, string name)
    {
        ArtifactNames.Validate(runId, nameof(runId), "Run id");
        ArtifactNames.Validate(name, nameof(name), "Artifact name");

        string path = Path.Combine(RootPath, runId, name);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public bool DeleteRunFolder(string runId)
    {
        ArtifactNames.Validate(runId, nameof(runId), "Run id");

        string folder = Path.Combine(RootPath, runId);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        Directory.Delete(folder, recursive: true);
        return true;
    }

    public string RunFolder(string runId)
    {
        ArtifactNames.Validate(runId, nameof(runId), "Run id");

        string folder = Path.Combine(RootPath, runId);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
