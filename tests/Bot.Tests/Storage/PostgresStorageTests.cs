using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Storage;

/// <summary>What only PostgreSQL has: several instances over the network, and a lock that serialises their startup.</summary>
public sealed class PostgresStorageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dedup_TwoInstancesHammerManyPairs_EachPairTrueExactlyOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(output);
        if (database is null)
        {
            return;
        }

        var harness = await new StorageHarness(database).MigrateAsync();
        StorageInstance[] instances = [harness.Main, harness.OpenInstance()];

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var pair = $"act-{i % 20}";
            return (pair, first: await instances[i % 2].Deduplicator.TryBeginAsync("a:1", pair, default));
        })));

        Assert.All(results.GroupBy(r => r.pair), g => Assert.Single(g, r => r.first));
    }

    [Fact]
    public async Task Migrate_ManyInstancesStartTogether_WaitOnAdvisoryLockAndApplyOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(output);
        if (database is null)
        {
            return;
        }

        var harness = new StorageHarness(database);
        // Slow first migration so the others surely arrive while it holds the lock.
        Migration[] migrations = [new(1, "slow", "SELECT pg_sleep(0.3); CREATE TABLE slow (id integer);"), new(2, "next", "CREATE TABLE next (id integer);")];
        var instances = Enumerable.Range(0, 5).Select(_ => harness.OpenInstance(migrations)).ToArray();

        var results = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Migrator.MigrateAsync(default))));

        Assert.Equal([1, 2], results.SelectMany(r => r.Applied).Order());
        Assert.Equal(2, await instances[0].ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0, await instances[0].ScalarAsync(
            // pg_locks is server-wide and other tests migrate their own databases at the same time: count this one's.
            $"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {PostgresStorageDatabase.MigrationLockKey & 0xFFFFFFFF} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    [Fact]
    public async Task Migrate_InOwnSchema_CreatesTablesInSearchPath()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(output);
        if (database is null)
        {
            return;
        }

        await using (var admin = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await using var create = admin.CreateCommand("CREATE SCHEMA bot;");
            await create.ExecuteNonQueryAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = "bot" }.ConnectionString);
        var instance = new StorageInstance(
            new PostgresStorageDatabase(dataSource, NullLogger<PostgresStorageDatabase>.Instance), new FakeTimeProvider(), new StorageOptions(), PostgresSchema.Migrations);

        await instance.Migrator.MigrateAsync(default);

        // Version 1's four tables, schema_migrations, and version 2's reminders and reminder_nudges.
        Assert.Equal(11, await instance.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'bot'"));
    }

    [Fact]
    public async Task Store_ServerUnreachable_ThrowsStorageUnavailable()
    {
        // Port 1 on loopback refuses at once; no server needed.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        var instance = new StorageInstance(
            new PostgresStorageDatabase(dataSource, NullLogger<PostgresStorageDatabase>.Instance), new FakeTimeProvider(), new StorageOptions(), PostgresSchema.Migrations);

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => instance.Deduplicator.TryBeginAsync("a:1", "act-1", default));

        Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
        Assert.DoesNotContain("Password", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("53100", true)] // disk_full
    [InlineData("53300", true)] // too_many_connections
    [InlineData("57P01", true)] // admin_shutdown
    [InlineData("08006", true)] // connection_failure
    [InlineData("58030", true)] // io_error
    [InlineData("23505", false)] // unique_violation: our bug, not the server's state
    [InlineData("42P01", false)] // undefined_table
    public void IsUnavailableError_BySqlState_MatchesServerFailuresOnly(string sqlState, bool expected)
    {
        var exception = new PostgresException("message", "ERROR", "ERROR", sqlState);

        Assert.Equal(expected, PostgresStorageDatabase.IsUnavailableError(exception));
    }
}
