using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExpertBot.Bot.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores on the provider named by <c>Storage:Provider</c>, migrations before the host starts, and the
    /// periodic purge. The provider is chosen when the first store is resolved, after configuration is bound.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(StorageDatabase)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteStorageDatabase(
                Path.GetFullPath(options.SqlitePath, contentRoot),
                sp.GetRequiredService<ILogger<SqliteStorageDatabase>>());
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new NpgsqlDataSourceBuilder(options.PostgresConnectionString)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                .Build();
        });
        services.TryAddSingleton<PostgresStorageDatabase>();
        services.TryAddSingleton<StorageDatabase>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresStorageDatabase>()
            : sp.GetRequiredService<SqliteStorageDatabase>());

        services.TryAddSingleton<IStorageMigrator>(sp => new SchemaMigrator(
            sp.GetRequiredService<StorageDatabase>(),
            IsPostgres(sp) ? PostgresSchema.Migrations : SqliteSchema.Migrations,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SchemaMigrator>>()));

        services.TryAddSingleton<SqlConversationReferenceStore>();
        services.TryAddSingleton<SqlActivityDeduplicator>();
        services.TryAddSingleton<SqlConversationStateStore>();
        services.TryAddSingleton<SqlFeedbackStore>();
        services.TryAddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<SqlConversationReferenceStore>());
        services.TryAddSingleton<IActivityDeduplicator>(sp => sp.GetRequiredService<SqlActivityDeduplicator>());
        services.TryAddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<SqlConversationStateStore>());
        services.TryAddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqlFeedbackStore>());
        services.AddSingleton<IExpiringStore>(sp => sp.GetRequiredService<SqlActivityDeduplicator>());
        services.AddSingleton<IExpiringStore>(sp => sp.GetRequiredService<SqlConversationStateStore>());

        services.AddHostedService<StorageMigrationService>();
        services.AddHostedService<StoragePurgeService>();
        return services;
    }

    private static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres;
}
