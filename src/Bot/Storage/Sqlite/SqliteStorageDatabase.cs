using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.Extensions.Logging;

namespace ExpertBot.Bot.Storage.Sqlite;

/// <summary>
/// One SQLite file, opened per operation (the pool keeps handles warm). WAL lets readers run beside the single
/// writer. Writers of this process queue on an async gate: SQLite's own busy handler would make them sleep on
/// thread-pool threads with growing pauses (up to 100 ms each), which under load showed as a 150–190 ms p99 and
/// starved the pool. The busy timeout remains for writers in other processes.
/// </summary>
internal sealed class SqliteStorageDatabase : StorageDatabase, IDisposable
{
    private const string DefaultConnectionPragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // Primary result codes meaning "the file cannot be used now"; a constraint or syntax error is not one.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMem = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteProtocol = 15;
    private const int SqliteNotADb = 26;

    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];
    private static readonly object Configured = new();
    private volatile bool _directoryExists;

    /// <param name="connectionPragmas">Extra per-connection pragmas, appended to the defaults (tests cap the file size with it).</param>
    public SqliteStorageDatabase(string filePath, ILogger<SqliteStorageDatabase> logger, string? connectionPragmas = null)
        : base(logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pragmas outlive a pooled connection: a database with its own pragmas must not share the pool.
            Pooling = connectionPragmas is null,
            DefaultTimeout = 30,
        }.ToString();
        _connectionPragmas = DefaultConnectionPragmas + (connectionPragmas ?? string.Empty);
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public override string ProviderName => StorageOptions.SqliteProvider;

    public override string Location => FilePath;

    /// <summary>Stored as INTEGER microseconds since the Unix epoch (UTC): sortable, exact, and PostgreSQL's precision.</summary>
    public override object ToDbTime(DateTimeOffset value) => (value.UtcTicks - UnixEpochTicks) / 10;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(UnixEpochTicks + (reader.GetInt64(ordinal) * 10), TimeSpan.Zero);

    public override string MigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// One file means one writer at a time: each migration's transaction begins IMMEDIATE (the Microsoft.Data.Sqlite
    /// default), which takes the write lock, so no extra lock is needed. WAL is a property of the file; set it here once.
    /// </summary>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var wal = Command(connection, "PRAGMA journal_mode = WAL;");
        var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageUnavailableException($"SQLite refused WAL journal mode for '{FilePath}' (got '{mode}').");
        }

        return NoLock.Instance;
    }

    private void EnsureDirectory()
    {
        if (_directoryExists)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(
                $"Cannot create the folder for the SQLite database (Storage:SqlitePath = '{FilePath}'): {exception.Message}", exception);
        }

        _directoryExists = true;
    }

    /// <summary>Closes the pooled handles so the file (and its -wal/-shm) is released when the host stops.</summary>
    public void Dispose()
    {
        _writeGate.Dispose();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Pragmas stay set on the native handle, which the pool reuses: run them once per handle, not per open.
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                await using var pragmas = Command(connection, _connectionPragmas);
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(connection.Handle!, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override bool IsUnavailable(Exception exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteNoMem
            or SqliteReadOnly or SqliteIoErr or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteProtocol or SqliteNotADb;

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
