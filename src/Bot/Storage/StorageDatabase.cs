using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ExpertBot.Bot.Storage;

/// <summary>
/// What the stores need from a provider: a fresh connection per operation, the provider's representation of
/// time, and the translation of "the database cannot be used now" into <see cref="StorageUnavailableException"/>.
/// The stores' SQL is shared; it uses only what SQLite and PostgreSQL both support (ON CONFLICT, LIMIT).
/// </summary>
internal abstract class StorageDatabase(ILogger logger)
{
    protected ILogger Logger { get; } = logger;

    public abstract string ProviderName { get; }

    /// <summary>For logs: where the data lives, without credentials.</summary>
    public abstract string Location { get; }

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>True for failures of the database itself (disk, I/O, network, locks), not for bugs in our SQL.</summary>
    protected abstract bool IsUnavailable(Exception exception);

    public abstract object ToDbTime(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>DDL creating <c>schema_migrations(version, name, applied_at)</c> if it is missing.</summary>
    public abstract string MigrationsTableSql { get; }

    /// <summary>
    /// Keeps other instances from migrating at the same time until the result is disposed. Every migration also
    /// runs in its own transaction and re-checks its version, so a lock lost half-way cannot apply one twice.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits (asynchronously) until this process may write. The default lets writers run in parallel and leaves
    /// the ordering to the database.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => default;

    /// <summary>Runs <paramref name="work"/>, which only reads, on its own connection; unavailability surfaces as one exception type.</summary>
    public Task<T> RunAsync<T>(string operation, Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(operation, writes: false, work, cancellationToken);

    /// <summary>As <see cref="RunAsync{T}(string, Func{DbConnection, CancellationToken, Task{T}}, CancellationToken)"/> for work that writes.</summary>
    public Task<T> WriteAsync<T>(string operation, Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(operation, writes: true, work, cancellationToken);

    private async Task<T> RunAsync<T>(string operation, bool writes, Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            using var gate = writes ? await EnterWriteAsync(cancellationToken) : null;
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && IsUnavailable(exception))
        {
            Log.StorageUnavailable(Logger, ProviderName, operation, exception);
            throw new StorageUnavailableException(
                $"The {ProviderName} store is unavailable ({operation}): {exception.Message}", exception);
        }
    }

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}

internal static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
