using ExpertBot.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Storage;

/// <summary>What only SQLite has: a file, its journal mode, and a disk that can fill up.</summary>
public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Migrate_NewFileInMissingFolder_CreatesFolderAndUsesWal()
    {
        await using var database = new SqliteTestDatabase();
        var harness = await new StorageHarness(database).MigrateAsync();

        Assert.True(File.Exists(database.FilePath));
        await using var connection = new SqliteConnection(database.OpenDatabase().ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA journal_mode;", connection);
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(await harness.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
    }

    [Fact]
    public async Task Write_DiskFull_ThrowsStorageUnavailableAndKeepsEarlierData()
    {
        await using var database = new SqliteTestDatabase();
        var harness = await new StorageHarness(database).MigrateAsync();
        await harness.Main.State.SetAsync("kept", """{"v":1}""", default);
        // max_page_count caps the file at its current size: the next page SQLite needs is "disk full" (SQLITE_FULL).
        var full = new StorageInstance(database.OpenDatabase("PRAGMA max_page_count = 1;"), harness.Time, harness.Options, database.Migrations);

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                await full.State.SetAsync($"filler-{i}", new string('x', 4_000), default);
            }
        });

        Assert.Contains("full", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("""{"v":1}""", await harness.Main.State.GetAsync("kept", default));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => full.Deduplicator.TryBeginAsync("a:1", new string('y', 8_000), default));
        Assert.True(await harness.Main.Deduplicator.TryBeginAsync("a:1", new string('y', 8_000), default));
        Assert.Equal(0, await harness.Main.ScalarAsync("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWriters_RunOneAtATimeWhileReadersOverlap()
    {
        await using var database = new SqliteTestDatabase();
        await new StorageHarness(database).MigrateAsync();
        var sqlite = database.OpenDatabase();
        var writers = new ConcurrencyProbe();
        var readers = new ConcurrencyProbe();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Task.WhenAll(
            sqlite.WriteAsync("probe write", (_, _) => writers.EnterAsync(), default),
            sqlite.RunAsync("probe read", (_, _) => readers.EnterAsync(), default)))));

        // Writers queue in the process instead of in SQLite's sleeping busy handler; readers do not wait for them.
        Assert.Equal(1, writers.Max);
        Assert.True(readers.Max > 1, $"readers overlapped at most {readers.Max}");
    }

    [Fact]
    public async Task RunAsync_PooledHandlesReused_ConnectionPragmasStillSet()
    {
        await using var database = new SqliteTestDatabase();
        await new StorageHarness(database).MigrateAsync();
        var sqlite = database.OpenDatabase();

        // Concurrent operations open several handles; later ones reuse them from the pool.
        var settings = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => sqlite.RunAsync("probe pragmas", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "SELECT (SELECT * FROM pragma_foreign_keys), (SELECT * FROM pragma_busy_timeout), (SELECT * FROM pragma_synchronous)");
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            await Task.Delay(5, ct);
            return (ForeignKeys: reader.GetInt64(0), BusyTimeout: reader.GetInt64(1), Synchronous: reader.GetInt64(2));
        }, default))));

        Assert.All(settings, s => Assert.Equal((1L, 10_000L, 1L), s));
    }

    private sealed class ConcurrencyProbe
    {
        private int _active;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public async Task<int> EnterAsync()
        {
            var active = Interlocked.Increment(ref _active);
            int seen;
            while ((seen = Volatile.Read(ref _max)) < active && Interlocked.CompareExchange(ref _max, active, seen) != seen)
            {
            }

            await Task.Delay(20);
            Interlocked.Decrement(ref _active);
            return active;
        }
    }

    [Fact]
    public async Task Open_FileIsNotADatabase_ThrowsStorageUnavailable()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        await File.WriteAllTextAsync(database.FilePath, new string('#', 8_192));
        var instance = database.OpenInstance(new FakeTimeProvider(), new StorageOptions());

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => instance.Migrator.MigrateAsync(default));

        Assert.IsType<SqliteException>(exception.InnerException);
    }

    [Fact]
    public async Task Open_PathIsADirectory_ThrowsStorageUnavailable()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(database.FilePath);
        var instance = database.OpenInstance(new FakeTimeProvider(), new StorageOptions());

        await Assert.ThrowsAsync<StorageUnavailableException>(() => instance.Deduplicator.TryBeginAsync("a:1", "act-1", default));
    }

    [Fact]
    public async Task Write_ConstraintViolation_IsNotReportedAsUnavailable()
    {
        await using var database = new SqliteTestDatabase();
        var harness = await new StorageHarness(database).MigrateAsync();

        // A bug in our SQL must surface as itself, not be mistaken for a full disk.
        await Assert.ThrowsAsync<SqliteException>(() => harness.Main.ScalarAsync("INSERT INTO schema_migrations (version) VALUES (1)"));
    }
}
