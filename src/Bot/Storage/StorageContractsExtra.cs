namespace ExpertBot.Bot.Storage;

/// <summary>A store whose rows expire; the purge service calls it periodically.</summary>
internal interface IExpiringStore
{
    /// <summary>Deletes rows that expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Brings the database schema up to date; run once at startup, safe to run again.</summary>
internal interface IStorageMigrator
{
    Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken);
}

/// <param name="Applied">Versions applied by this call, in order (empty when the schema was current).</param>
/// <param name="CurrentVersion">The highest version recorded in the database after the call.</param>
internal sealed record MigrationResult(IReadOnlyList<int> Applied, int CurrentVersion);
