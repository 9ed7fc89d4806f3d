using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace Dashboard.Storage;

/// <summary>Opens the run database file with the collation the stores rely on.</summary>
internal static class LiteDbFile
{
    /// <summary>
    /// Ordinal string comparison. Chunk keys, metric names and token hashes are case-sensitive, and LiteDB's
    /// default collation (current culture, ignore case) would treat <c>Loss</c> and <c>loss</c> as one key.
    /// </summary>
    public static Collation Collation { get; } = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>
    /// Takes an exclusive lock on <c>{path}.lock</c> beside the data file and returns it; dispose it to release it.
    /// LiteDB's Direct mode lets a second process open the same file, and two writers corrupt it, so every
    /// process that opens the database holds this lock first. On Linux .NET implements <see cref="FileShare.None"/>
    /// with an advisory <c>flock</c>, which the kernel releases when the process ends, even on SIGKILL.
    /// </summary>
    /// <exception cref="IOException">Another process holds the lock.</exception>
    public static FileStream Lock(string path) =>
        new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>Creates the folder of the database file <paramref name="path"/> if it is missing.</summary>
    public static void CreateFolder(string path)
    {
        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in Direct mode, creating the file and its folder if missing. A file made
    /// with another collation is rebuilt with <see cref="Collation"/>, because LiteDB 5 refuses to open it otherwise.
    /// </summary>
    public static LiteDatabase Open(string path, ILogger logger)
    {
        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        bool isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Collation = isNew ? Collation : null,
        };

        var database = new LiteDatabase(connection);
        if (database.Collation.ToString() != Collation.ToString())
        {
            StorageLog.RebuildingForCollation(logger, path, database.Collation.ToString(), Collation.ToString());
            database.Rebuild(new RebuildOptions { Collation = Collation });
        }

        return database;
    }
}
