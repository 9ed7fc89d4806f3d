namespace Dashboard.Storage;

/// <summary>
/// Thrown at start-up when the database file or the artifact folder cannot be opened or written.
/// The message names the full path and the configuration setting that selects it.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, string path, string setting, Exception innerException)
        : base(message, innerException)
    {
        Path = path;
        Setting = setting;
    }

    /// <summary>Full path of the file or folder that failed.</summary>
    public string Path { get; }

    /// <summary>Configuration key that selects <see cref="Path"/>, for example <c>Storage:DatabasePath</c>.</summary>
    public string Setting { get; }
}
