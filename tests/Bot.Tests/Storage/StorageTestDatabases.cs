using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Storage;

/// <summary>The stores of one bot instance over a test database; two instances share the data, not the connections.</summary>
internal sealed class StorageInstance(StorageDatabase database, TimeProvider time, StorageOptions options, IReadOnlyList<Migration> migrations)
{
    public StorageDatabase Database { get; } = database;
    public SchemaMigrator Migrator { get; } = new(database, migrations, time, NullLogger<SchemaMigrator>.Instance);
    public SqlConversationReferenceStore References { get; } = new(database, time);
    public SqlActivityDeduplicator Deduplicator { get; } = new(database, time, Options.Create(options));
    public SqlConversationStateStore State { get; } = new(database, time, Options.Create(options));
    public SqlFeedbackStore Feedback { get; } = new(database);

    public Task<long> ScalarAsync(string sql) =>
        Database.RunAsync("test query", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, CancellationToken.None);
}

/// <summary>A database of its own for one test, removed afterwards.</summary>
internal abstract class StorageTestDatabase : IAsyncDisposable
{
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>A new "instance": its own connections (pool or data source) over this test's database.</summary>
    public abstract StorageInstance OpenInstance(TimeProvider time, StorageOptions options, IReadOnlyList<Migration>? migrations = null);

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : StorageTestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "expertbot-storage-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(_directory, "data", "expertbot.db");

    public override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public override StorageInstance OpenInstance(TimeProvider time, StorageOptions options, IReadOnlyList<Migration>? migrations = null) =>
        new(OpenDatabase(), time, options, migrations ?? Migrations);

    public SqliteStorageDatabase OpenDatabase(string? connectionPragmas = null) =>
        new(FilePath, NullLogger<SqliteStorageDatabase>.Instance, connectionPragmas);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(OpenDatabase().ConnectionString));
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase : StorageTestDatabase
{
    public const string EnvironmentVariable = "EXPERTBOT_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private PostgresTestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = name,
            // Tests run in parallel against one server (max_connections = 100 by default).
            MaxPoolSize = 10,
        }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    /// <summary>
    /// The server from <c>EXPERTBOT_TEST_POSTGRES</c>. Missing: fails under CI (the env var <c>CI</c> is set), else
    /// returns null after saying so, and the test returns without asserting anything.
    /// </summary>
    public static string? AdminConnectionString(ITestOutputHelper output)
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        const string Message = $"{EnvironmentVariable} is not set, so the PostgreSQL storage tests have no server. "
            + "Start one with: eval \"$(scripts/postgres-test-server.sh)\"";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(Message + " (required: CI is set).");
        }

        output.WriteLine(Message + " — this test did not run.");
        return null;
    }

    public static async Task<PostgresTestDatabase?> CreateAsync(ITestOutputHelper output)
    {
        var admin = AdminConnectionString(output);
        if (admin is null)
        {
            return null;
        }

        var name = "expertbot_test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin, name);
    }

    public override StorageInstance OpenInstance(TimeProvider time, StorageOptions options, IReadOnlyList<Migration>? migrations = null) =>
        new(OpenDatabase(), time, options, migrations ?? Migrations);

    public PostgresStorageDatabase OpenDatabase()
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        return new PostgresStorageDatabase(dataSource, NullLogger<PostgresStorageDatabase>.Instance);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One test's storage: its database, a clock, options, and a migrated first instance.</summary>
internal sealed class StorageHarness(StorageTestDatabase database)
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public StorageTestDatabase TestDatabase { get; } = database;

    public FakeTimeProvider Time { get; } = new(Start);

    public StorageOptions Options { get; } = new();

    public StorageInstance Main { get; private set; } = null!;

    public StorageInstance OpenInstance(IReadOnlyList<Migration>? migrations = null) =>
        TestDatabase.OpenInstance(Time, Options, migrations);

    public async Task<StorageHarness> MigrateAsync()
    {
        Main = OpenInstance();
        await Main.Migrator.MigrateAsync(CancellationToken.None);
        return this;
    }
}
