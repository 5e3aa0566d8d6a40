// One command: dotnet run -c Release --project bench/Reminders.Bench [-- count] [--postgres "<connection string>"]
//   (or: -- --dispatch [n])
// 1,000,000 reminders with one pending nudge each (spread over a year) in a fresh SQLite file, or in a fresh
// PostgreSQL database with --postgres; measures the "due and unclaimed" query the scheduler runs every poll, and
// the process memory.
using System.Diagnostics;
using ExpertBot.Bot.Reminders;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

if (args.Length > 0 && args[0] == "--dispatch")
{
    await ExpertBot.Reminders.Bench.Dispatch.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
    return;
}

var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 && postgresAt + 1 < args.Length ? args[postgresAt + 1] : null;
var count = args.Where((a, i) => i != postgresAt + 1 || postgresAt < 0).FirstOrDefault(a => a.All(char.IsAsciiDigit)) is { } n
    ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)
    : 1_000_000;
var path = Path.Combine(Path.GetTempPath(), "expertbot-reminders-bench", Guid.NewGuid().ToString("N"), "bench.db");
using var dataSource = postgres is null ? null : NpgsqlDataSource.Create(postgres);
StorageDatabase database = dataSource is null
    ? new SqliteStorageDatabase(path, NullLogger<SqliteStorageDatabase>.Instance)
    : new PostgresStorageDatabase(dataSource, NullLogger<PostgresStorageDatabase>.Instance);
await new SchemaMigrator(database, dataSource is null ? SqliteSchema.Migrations : PostgresSchema.Migrations, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
    .MigrateAsync(default);
Console.WriteLine($"provider: {database.ProviderName}");

var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
var load = Stopwatch.StartNew();
if (dataSource is not null)
{
    await LoadPostgresAsync(dataSource, count, start);
}
else
{
    LoadSqlite((SqliteStorageDatabase)database, count, start);
}

Console.WriteLine($"loaded {count:N0} reminders + {count:N0} nudges in {load.Elapsed.TotalSeconds:F1} s");
var store = new SqlReminderStore(database);
// "Now" one week into the year: ~19,000 nudges are due; the scheduler asks for a batch of 100.
var now = start.AddDays(7);
var timings = new List<double>();
for (var i = 0; i < 50; i++)
{
    var watch = Stopwatch.StartNew();
    var due = await store.FindDueAsync(now, 100, default);
    timings.Add(watch.Elapsed.TotalMilliseconds);
    if (due.Count != 100)
    {
        throw new InvalidOperationException($"expected 100 due, got {due.Count}");
    }
}

var claimTimings = new List<double>();
for (var i = 0; i < 20; i++)
{
    var watch = Stopwatch.StartNew();
    var claimed = await store.ClaimDueAsync("bench", now, now.AddMinutes(2), 100, default);
    claimTimings.Add(watch.Elapsed.TotalMilliseconds);
    await store.MarkSentAsync([.. claimed.Select(c => c.Id)], [], "a", "c", now, default);
}

timings.Sort();
claimTimings.Sort();
using var process = Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine($"find due (100 of {count:N0}): median {timings[timings.Count / 2]:F2} ms, p95 {timings[(int)(timings.Count * 0.95)]:F2} ms, max {timings[^1]:F2} ms");
Console.WriteLine($"claim 100 + mark sent: median {claimTimings[claimTimings.Count / 2]:F2} ms (claim only), max {claimTimings[^1]:F2} ms");
Console.WriteLine($"process memory: working set {process.WorkingSet64 / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB, managed {GC.GetTotalMemory(false) / 1048576.0:F0} MB");
if (database is SqliteStorageDatabase sqlite)
{
    sqlite.Dispose();
    Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
}

// The same rows as the SQLite load, through COPY (binary), then ANALYZE so the planner knows the table sizes.
static async Task LoadPostgresAsync(NpgsqlDataSource dataSource, int count, DateTimeOffset start)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var epoch = DateTimeOffset.UnixEpoch;
    await using (var reminders = await connection.BeginBinaryImportAsync(
        "COPY reminders (id, owner_id, channel_id, kind, case_ref, subject, due_date, due_time, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < count; i++)
        {
            var due = start.AddMinutes((long)i * 525_600L / count);
            await reminders.StartRowAsync();
            await reminders.WriteAsync($"r{i:D8}", NpgsqlDbType.Text);
            await reminders.WriteAsync($"aad-{i % 5000}", NpgsqlDbType.Text);
            await reminders.WriteAsync("msteams", NpgsqlDbType.Text);
            await reminders.WriteAsync("evaluation", NpgsqlDbType.Text);
            await reminders.WriteAsync($"2026-{i}", NpgsqlDbType.Text);
            await reminders.WriteAsync("evaluatie", NpgsqlDbType.Text);
            await reminders.WriteAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await reminders.WriteAsync("09:00", NpgsqlDbType.Text);
            await reminders.WriteAsync("active", NpgsqlDbType.Text);
            await reminders.WriteAsync(epoch, NpgsqlDbType.TimestampTz);
            await reminders.WriteAsync(epoch, NpgsqlDbType.TimestampTz);
        }

        await reminders.CompleteAsync();
    }

    await using (var nudges = await connection.BeginBinaryImportAsync(
        "COPY reminder_nudges (id, reminder_id, owner_id, kind, occurrence, due_at, available_at, state, attempts) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < count; i++)
        {
            var due = start.AddMinutes((long)i * 525_600L / count);
            await nudges.StartRowAsync();
            await nudges.WriteAsync($"r{i:D8}:on_the_day", NpgsqlDbType.Text);
            await nudges.WriteAsync($"r{i:D8}", NpgsqlDbType.Text);
            await nudges.WriteAsync($"aad-{i % 5000}", NpgsqlDbType.Text);
            await nudges.WriteAsync("on_the_day", NpgsqlDbType.Text);
            await nudges.WriteAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await nudges.WriteAsync(due, NpgsqlDbType.TimestampTz);
            await nudges.WriteAsync(due, NpgsqlDbType.TimestampTz);
            await nudges.WriteAsync("pending", NpgsqlDbType.Text);
            await nudges.WriteAsync(0, NpgsqlDbType.Integer);
        }

        await nudges.CompleteAsync();
    }

    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE reminders; ANALYZE reminder_nudges;";
    await analyze.ExecuteNonQueryAsync();
}

// The SQLite load: one transaction of prepared inserts.
static void LoadSqlite(SqliteStorageDatabase database, int count, DateTimeOffset start)
{
    using (var connection = new SqliteConnection(database.ConnectionString))
    {
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var reminder = connection.CreateCommand();
        reminder.Transaction = transaction;
        reminder.CommandText = """
            INSERT INTO reminders (id, owner_id, channel_id, kind, case_ref, subject, due_date, due_time, status, created_at, updated_at)
            VALUES ($id, $owner, 'msteams', 'evaluation', $case, 'evaluatie', $date, '09:00', 'active', 0, 0);
            """;
        var rid = reminder.Parameters.Add("$id", SqliteType.Text);
        var owner = reminder.Parameters.Add("$owner", SqliteType.Text);
        var caseRef = reminder.Parameters.Add("$case", SqliteType.Text);
        var date = reminder.Parameters.Add("$date", SqliteType.Text);
        using var nudge = connection.CreateCommand();
        nudge.Transaction = transaction;
        nudge.CommandText = """
            INSERT INTO reminder_nudges (id, reminder_id, owner_id, kind, occurrence, due_at, available_at, state, attempts)
            VALUES ($nid, $rid, $owner, 'on_the_day', $date, $at, $at, 'pending', 0);
            """;
        var nid = nudge.Parameters.Add("$nid", SqliteType.Text);
        var nrid = nudge.Parameters.Add("$rid", SqliteType.Text);
        var nowner = nudge.Parameters.Add("$owner", SqliteType.Text);
        var ndate = nudge.Parameters.Add("$date", SqliteType.Text);
        var at = nudge.Parameters.Add("$at", SqliteType.Integer);
        for (var i = 0; i < count; i++)
        {
            var due = start.AddMinutes((long)i * 525_600L / count); // one year, evenly
            rid.Value = nrid.Value = $"r{i:D8}";
            owner.Value = nowner.Value = $"aad-{i % 5000}";
            caseRef.Value = $"2026-{i}";
            date.Value = ndate.Value = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            nid.Value = $"r{i:D8}:on_the_day";
            at.Value = database.ToDbTime(due);
            reminder.ExecuteNonQuery();
            nudge.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
