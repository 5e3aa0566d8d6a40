using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Storage;

public sealed class AddBotStorageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AddBotStorage_Defaults_MigratesSqliteUnderContentRootBeforeStart()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "expertbot-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = StorageOptionsTests.BuildHost([], contentRoot);

            await host.StartAsync();
            var deduplicator = host.Services.GetRequiredService<IActivityDeduplicator>();
            var first = await deduplicator.TryBeginAsync("a:1", "act-1", default);
            var again = await deduplicator.TryBeginAsync("a:1", "act-1", default);
            await host.StopAsync();

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "expertbot.db")));
            Assert.IsType<SqliteStorageDatabase>(host.Services.GetRequiredService<StorageDatabase>());
            Assert.Equal((true, false), (first, again));
            Assert.Equal(2, host.Services.GetServices<IExpiringStore>().Count());
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task AddBotStorage_RestartOnSameFile_KeepsData()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "expertbot-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                using var host = StorageOptionsTests.BuildHost(new() { ["Storage:SqlitePath"] = "state/bot.db" }, contentRoot);
                await host.StartAsync();
                var state = host.Services.GetRequiredService<IConversationStateStore>();
                if (run == 0)
                {
                    await state.SetAsync("k", "{}", default);
                }
                else
                {
                    Assert.Equal("{}", await state.GetAsync("k", default));
                }

                await host.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task AddBotStorage_PostgresProvider_MigratesAndServesStores()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(output);
        if (database is null)
        {
            return;
        }

        // Nothing is written under the content root when the provider is PostgreSQL.
        using var host = StorageOptionsTests.BuildHost(new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:PostgresConnectionString"] = database.ConnectionString,
        });

        await host.StartAsync();
        var references = host.Services.GetRequiredService<IConversationReferenceStore>();
        await references.UpsertAsync(new() { ChannelId = "msteams", ServiceUrl = "https://s/", ConversationId = "a:1", BotId = "28:b" }, default);
        var stored = await references.GetAsync("msteams", "a:1", default);
        await host.StopAsync();

        Assert.IsType<PostgresStorageDatabase>(host.Services.GetRequiredService<StorageDatabase>());
        Assert.NotNull(stored);
    }
}
