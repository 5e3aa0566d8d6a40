using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ExpertBot.Bot.Storage;

/// <summary>
/// Applies the provider's pending migrations in version order, each in its own transaction together with its
/// <c>schema_migrations</c> row, so a crash leaves the schema at a whole version and a restart picks up from there.
/// </summary>
internal sealed class SchemaMigrator(
    StorageDatabase database,
    IReadOnlyList<Migration> migrations,
    TimeProvider timeProvider,
    ILogger<SchemaMigrator> logger) : IStorageMigrator
{
    private readonly IReadOnlyList<Migration> _migrations = Migration.EnsureOrdered(migrations);

    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        Log.ProviderSelected(logger, database.ProviderName, database.Location);
        return database.WriteAsync("migrate", MigrateAsync, cancellationToken);
    }

    private async Task<MigrationResult> MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var migrationLock = await database.LockForMigrationAsync(connection, cancellationToken);

        await using (var create = StorageDatabase.Command(connection, database.MigrationsTableSql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        List<int> applied = [];
        foreach (var migration in _migrations)
        {
            if (await TryApplyAsync(connection, migration, cancellationToken))
            {
                applied.Add(migration.Version);
                Log.MigrationApplied(logger, database.ProviderName, migration.Version, migration.Name);
            }
        }

        int current;
        await using (var max = StorageDatabase.Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;"))
        {
            current = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var known = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
        if (current > known)
        {
            // A newer build migrated already (rolling deploy or rollback). Migrations only add, so this build still works.
            Log.SchemaNewerThanBuild(logger, database.ProviderName, current, known);
        }
        else
        {
            Log.SchemaCurrent(logger, database.ProviderName, current);
        }

        return new MigrationResult(applied, current);
    }

    private async Task<bool> TryApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var check = StorageDatabase.Command(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version = @version;", transaction)
            .With("version", migration.Version))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await using (var apply = StorageDatabase.Command(connection, migration.Sql, transaction))
        {
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = StorageDatabase.Command(connection,
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at);", transaction))
        {
            record.With("version", migration.Version)
                .With("name", migration.Name)
                .With("applied_at", database.ToDbTime(timeProvider.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
