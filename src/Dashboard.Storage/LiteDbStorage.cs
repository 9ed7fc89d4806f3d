using System.Security;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Dashboard.Storage;

/// <summary>
/// Owner of the one <see cref="LiteDatabase"/> of this process. Register it as a singleton: two
/// <see cref="LiteDatabase"/> instances in Direct mode on one file corrupt it. The constructor opens the
/// file and writes to it, so a missing, locked or read-only file fails at start-up, not at the first run.
/// </summary>
public sealed class LiteDbStorage : IDisposable
{
    private const string DatabaseSetting = "Storage:DatabasePath";
    private const string WriteCheckId = "write-check";

    private readonly ILogger<LiteDbStorage> _logger;
    private readonly LiteDatabase _database;
    private readonly FileStream _fileLock;
    private int _disposed;

    /// <summary>Opens the database at <see cref="StorageOptions.DatabasePath"/> and checks that it can be written.</summary>
    /// <exception cref="StorageUnavailableException">The file cannot be created, opened or written.</exception>
    public LiteDbStorage(StorageOptions options, ILogger<LiteDbStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ValidateChunkSize(options.MetricPointsPerChunk, nameof(StorageOptions.MetricPointsPerChunk), StorageOptions.MaxMetricPointsPerChunk);
        ValidateChunkSize(options.LogLinesPerChunk, nameof(StorageOptions.LogLinesPerChunk), StorageOptions.MaxLogLinesPerChunk);

        _logger = logger;
        Options = options;
        DatabasePath = Path.GetFullPath(options.DatabasePath);

        _fileLock = LockFile(DatabasePath, logger);
        LiteDatabase? database = null;
        try
        {
            database = LiteDbFile.Open(DatabasePath, logger);
            WriteCheckDocument(database);
        }
        catch (Exception exception) when (IsOpenFailure(exception))
        {
            database?.Dispose();
            _fileLock.Dispose();
            StorageLog.DatabaseUnavailable(logger, exception, DatabasePath);
            throw new StorageUnavailableException(
                $"Cannot open the run database at {DatabasePath}: {exception.Message.TrimEnd('.')}. Set {DatabaseSetting} to a writable file.",
                DatabasePath,
                DatabaseSetting,
                exception);
        }

        _database = database;
        StorageLog.DatabaseOpened(logger, DatabasePath);
    }

    /// <summary>Full path of the LiteDB data file. Its write-ahead log is the <c>-log.db</c> file beside it.</summary>
    public string DatabasePath { get; }

    public StorageOptions Options { get; }

    internal ILiteDatabase Database
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _database;
        }
    }

    /// <summary>
    /// Copies committed pages from the write-ahead log into the data file. Call it after each run ends, so a
    /// crash later loses nothing and the log file stays small.
    /// </summary>
    public void Checkpoint()
    {
        Database.Checkpoint();
        StorageLog.Checkpointed(_logger, DatabasePath);
    }

    /// <summary>Returns true if the database can be read now, and false after LiteDB or I/O errors. Meant for a health endpoint.</summary>
    public bool IsHealthy()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        try
        {
            return _database.GetCollection(StorageCollections.Meta).FindById(WriteCheckId) is not null;
        }
        catch (Exception exception) when (exception is LiteException or IOException or ObjectDisposedException)
        {
            StorageLog.HealthCheckFailed(_logger, exception, DatabasePath);
            return false;
        }
    }

    /// <summary>Closes the database. LiteDB checkpoints the write-ahead log into the data file when it closes.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _database.Dispose();
        _fileLock.Dispose();
        StorageLog.DatabaseClosed(_logger, DatabasePath);
    }

    /// <summary>
    /// Writes a small document and checkpoints it into the data file, so that both the write-ahead log and the
    /// data file are proven writable. Opening alone can succeed on a file that later refuses writes.
    /// </summary>
    private static void WriteCheckDocument(LiteDatabase database)
    {
        var marker = new BsonDocument
        {
            ["_id"] = WriteCheckId,
            ["CheckedAt"] = DateTimeOffset.UtcNow.UtcTicks,
        };
        database.GetCollection(StorageCollections.Meta).Upsert(marker);
        database.Checkpoint();
    }

    private static FileStream LockFile(string databasePath, ILogger logger)
    {
        try
        {
            LiteDbFile.CreateFolder(databasePath);
        }
        catch (Exception exception) when (IsOpenFailure(exception))
        {
            StorageLog.DatabaseUnavailable(logger, exception, databasePath);
            throw new StorageUnavailableException(
                $"Cannot open the run database at {databasePath}: {exception.Message.TrimEnd('.')}. Set {DatabaseSetting} to a writable file.",
                databasePath,
                DatabaseSetting,
                exception);
        }

        try
        {
            return LiteDbFile.Lock(databasePath);
        }
        catch (IOException exception)
        {
            // In a folder that exists and is writable, an IOException here means another process holds the lock.
            StorageLog.DatabaseUnavailable(logger, exception, databasePath);
            throw new StorageUnavailableException(
                $"The run database at {databasePath} is open in another process, such as a running dashboard or a users command. "
                + "Stop that process first; while the dashboard runs, admins manage users on its Users page or with /api/v1/users.",
                databasePath,
                DatabaseSetting,
                exception);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            StorageLog.DatabaseUnavailable(logger, exception, databasePath);
            throw new StorageUnavailableException(
                $"Cannot open the run database at {databasePath}: {exception.Message.TrimEnd('.')}. Set {DatabaseSetting} to a writable file.",
                databasePath,
                DatabaseSetting,
                exception);
        }
    }

    private static bool IsOpenFailure(Exception exception) =>
        exception is IOException
            or UnauthorizedAccessException
            or LiteException
            or ArgumentException
            or NotSupportedException
            or SecurityException;

    private static void ValidateChunkSize(int value, string name, int maximum)
    {
        if (value < 1 || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"{StorageOptions.SectionName}:{name} must be between 1 and {maximum}; it is {value}.");
        }
    }
}
