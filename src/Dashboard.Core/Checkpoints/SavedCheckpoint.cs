namespace Dashboard.Core.Checkpoints;

/// <summary>A complete checkpoint on disk: its description and the folder with its files.</summary>
public sealed record SavedCheckpoint(CheckpointInfo Info, string Folder)
{
    /// <summary>Returns the path of one of the checkpoint's files.</summary>
    public string File(string name) => Path.Combine(Folder, name);
}
