using Microsoft.Extensions.Logging;

namespace ExpertBot.Bot.Storage;

/// <summary>Storage log messages, EventIds 3000–3999. Ids and counts only: never keys, ids or JSON of users.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Storage provider {Provider} ({Location})")]
    public static partial void ProviderSelected(ILogger logger, string provider, string location);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied {Provider} schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string provider, int version, string name);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "The {Provider} schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, string provider, int version);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "The {Provider} schema is at version {DatabaseVersion}, newer than this build knows ({KnownVersion}); continuing because migrations only add")]
    public static partial void SchemaNewerThanBuild(ILogger logger, string provider, int databaseVersion, int knownVersion);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Waiting for another instance to finish migrating the {Provider} schema")]
    public static partial void WaitingForMigrationLock(ILogger logger, string provider);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "The {Provider} store is unavailable during {Operation}")]
    public static partial void StorageUnavailable(ILogger logger, string provider, string operation, Exception exception);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Purged {Count} expired rows from {Store}")]
    public static partial void Purged(ILogger logger, int count, string store);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Purging expired rows from {Store} failed; retrying next interval")]
    public static partial void PurgeFailed(ILogger logger, string store, Exception exception);
}
