using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpertBot.Bot.Storage.Postgres;

/// <summary>A PostgreSQL database shared by every bot instance, reached through the singleton data source.</summary>
internal sealed class PostgresStorageDatabase(NpgsqlDataSource dataSource, ILogger<PostgresStorageDatabase> logger)
    : StorageDatabase(logger)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public override string ProviderName => StorageOptions.PostgresProvider;

    public override string Location
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public override object ToDbTime(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override string MigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer     NOT NULL PRIMARY KEY,
            name        text        NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    /// <summary>
    /// A session advisory lock serialises instances that start together. It is released by the unlock below, or by
    /// PostgreSQL when the session ends (a crashed instance cannot leave it held) or is reset on return to the pool.
    /// </summary>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var tryLock = Command(connection, "SELECT pg_try_advisory_lock(@key);").With("key", MigrationLockKey))
        {
            if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                return new AdvisoryLock(connection);
            }
        }

        Log.WaitingForMigrationLock(Logger, ProviderName);
        await using (var waitLock = Command(connection, "SELECT pg_advisory_lock(@key);").With("key", MigrationLockKey))
        {
            waitLock.CommandTimeout = (int)MigrationLockTimeout.TotalSeconds;
            await waitLock.ExecuteNonQueryAsync(cancellationToken);
        }

        return new AdvisoryLock(connection);
    }

    /// <summary>Arbitrary but fixed: every instance of ExpertBot must use the same key (ASCII "ExpBotMg").</summary>
    internal const long MigrationLockKey = 0x45_78_70_42_6F_74_4D_67;

    private static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromMinutes(5);

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Network, timeout and pool failures (an <see cref="NpgsqlException"/> the server did not send), and server
    /// errors of classes 08 (connection), 53 (insufficient resources, e.g. disk full), 57P (shutdown, cannot
    /// connect now) and 58 (system/I/O error).
    /// </summary>
    internal static bool IsUnavailableError(Exception exception) => exception switch
    {
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal)
            || server.SqlState.StartsWith("53", StringComparison.Ordinal)
            || server.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || server.SqlState.StartsWith("58", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };

    protected override bool IsUnavailable(Exception exception) => IsUnavailableError(exception);

    private sealed class AdvisoryLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var unlock = Command(connection, "SELECT pg_advisory_unlock(@key);").With("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
