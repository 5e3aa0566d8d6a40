using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Storage;

/// <summary>
/// Migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs before any hosted
/// service's StartAsync and before the server accepts requests: nothing touches a stale schema. A failure stops the host.
/// </summary>
internal sealed class StorageMigrationService(IStorageMigrator migrator) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken) => await migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Deletes expired rows at startup and then every <see cref="StorageOptions.PurgeInterval"/>.</summary>
internal sealed class StoragePurgeService(
    IEnumerable<IExpiringStore> stores,
    TimeProvider timeProvider,
    IOptions<StorageOptions> options,
    ILogger<StoragePurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        try
        {
            do
            {
                await PurgeOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Purges every store; one failing store (disk full, network) does not stop the others or the loop.</summary>
    internal async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var store in stores)
        {
            var name = store.GetType().Name;
            try
            {
                var count = await store.PurgeExpiredAsync(now, cancellationToken);
                Log.Purged(logger, count, name);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.PurgeFailed(logger, name, exception);
            }
        }
    }
}
