using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Experiments;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// A run's checkpoints: one subfolder per saved epoch, named <c>checkpoint-NNNNN</c> after
/// <see cref="CheckpointInfo.Ordinal"/>, of which the newest <see cref="Kept"/> stay. A checkpoint is written
/// into a temporary folder, flushed to disk and then renamed into place, and <c>checkpoint.json</c> is written
/// last. A process killed mid-write therefore leaves at most a temporary folder, which readers ignore and the
/// next save removes, and never a partial checkpoint under a final name.
/// </summary>
public sealed class CheckpointFolder
{
    public const string InfoFileName = "checkpoint.json";

    private const string NamePrefix = "checkpoint-";
    private const string TemporaryPrefix = ".partial-";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public CheckpointFolder(string path, int kept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kept);

        Path = System.IO.Path.GetFullPath(path);
        Kept = kept;
    }

    public string Path { get; }

    /// <summary>Number of newest checkpoints kept after each save.</summary>
    public int Kept { get; }

    /// <summary>Returns the run's checkpoint folder from the environment, or null when the run has none (tests, benchmarks).</summary>
    public static CheckpointFolder? For(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        return string.IsNullOrWhiteSpace(environment.CheckpointFolder)
            ? null
            : new CheckpointFolder(environment.CheckpointFolder, Math.Max(1, environment.CheckpointsKept));
    }

    /// <summary>
    /// Saves a checkpoint: <paramref name="writeFiles"/> writes the state files into the folder it gets, then this
    /// method adds <c>checkpoint.json</c>, flushes every file and renames the folder into place. Older checkpoints
    /// beyond <see cref="Kept"/> are deleted afterwards.
    /// </summary>
    public SavedCheckpoint Save(CheckpointInfo info, Action<string> writeFiles)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(writeFiles);

        Directory.CreateDirectory(Path);
        string temporary = System.IO.Path.Combine(Path, $"{TemporaryPrefix}{info.Ordinal:D5}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            writeFiles(temporary);
            File.WriteAllBytes(System.IO.Path.Combine(temporary, InfoFileName), JsonSerializer.SerializeToUtf8Bytes(info, JsonOptions));
            FlushFiles(temporary);
        }
        catch
        {
            TryDeleteFolder(temporary);
            throw;
        }

        string final = System.IO.Path.Combine(Path, Name(info.Ordinal));
        if (Directory.Exists(final))
        {
            // The ordinal exists already when a run resumed from an older checkpoint, or when this folder's
            // checkpoint.json was unreadable and the checkpoint was skipped.
            string replaced = System.IO.Path.Combine(Path, $"{TemporaryPrefix}replaced-{Guid.NewGuid():N}");
            Directory.Move(final, replaced);
            TryDeleteFolder(replaced);
        }

        Directory.Move(temporary, final);
        Prune();
        return new SavedCheckpoint(info, final);
    }

    /// <summary>Returns the complete checkpoint with the highest ordinal, or null when there is none.</summary>
    public SavedCheckpoint? Latest() => List().LastOrDefault();

    /// <summary>Returns every complete checkpoint, oldest first. Temporary and unreadable folders are skipped.</summary>
    public IReadOnlyList<SavedCheckpoint> List()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var checkpoints = new List<(int Ordinal, SavedCheckpoint Checkpoint)>();
        foreach (string folder in Directory.GetDirectories(Path, NamePrefix + "*"))
        {
            string suffix = System.IO.Path.GetFileName(folder)[NamePrefix.Length..];
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal)
                || ReadInfo(folder) is not { } info)
            {
                continue;
            }

            checkpoints.Add((ordinal, new SavedCheckpoint(info, folder)));
        }

        return [.. checkpoints.OrderBy(c => c.Ordinal).Select(c => c.Checkpoint)];
    }

    private void Prune()
    {
        var complete = List();
        foreach (var old in complete.Take(Math.Max(0, complete.Count - Kept)))
        {
            TryDeleteFolder(old.Folder);
        }

        foreach (string partial in Directory.GetDirectories(Path, TemporaryPrefix + "*"))
        {
            TryDeleteFolder(partial);
        }
    }

    private static string Name(int ordinal) => $"{NamePrefix}{ordinal:D5}";

    private static CheckpointInfo? ReadInfo(string folder)
    {
        string file = System.IO.Path.Combine(folder, InfoFileName);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllBytes(file), JsonOptions) : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Forces the files' contents to disk before the rename, so that a checkpoint under its final name is complete.
    /// NOTE: the parent folder is not synced, so after a power loss the rename itself may be lost and the previous
    /// checkpoint is the latest again.
    /// </summary>
    private static void FlushFiles(string folder)
    {
        foreach (string file in Directory.GetFiles(folder))
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite);
            RandomAccess.FlushToDisk(handle);
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be deleted now is a temporary or old one; the next save tries again.
        }
    }
}
