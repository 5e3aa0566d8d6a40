using System.Data.Common;
using System.Text.Json;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

// The delivery outbox: leased claims, completion, retries and waking queued tickets.
internal sealed partial class SqlRequestStore
{
    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        return await database.WriteAsync<IReadOnlyList<OutboxItem>>("claim outbox", async (connection, ct) =>
        {
            // One statement: the outer WHERE re-checks the lease, so two instances never hold the same row.
            await using (var claim = StorageDatabase.Command(connection, """
                    UPDATE gi_request_outbox SET lease_owner = @owner, lease_until = @until
                    WHERE id IN (SELECT id FROM gi_request_outbox
                                 WHERE done_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                                 ORDER BY seq LIMIT @max)
                      AND done_at IS NULL AND (lease_until IS NULL OR lease_until < @now);
                    """))
            {
                claim.With("owner", owner).With("until", database.ToDbTime(now + leaseFor)).With("now", database.ToDbTime(now)).With("max", max);
                if (await claim.ExecuteNonQueryAsync(ct) == 0)
                {
                    return [];
                }
            }

            await using var select = StorageDatabase.Command(connection, """
                    SELECT id, request_id, kind, payload, attempts, created_at, seq FROM gi_request_outbox
                    WHERE lease_owner = @owner AND done_at IS NULL ORDER BY seq;
                    """).With("owner", owner);
            await using var reader = await select.ExecuteReaderAsync(ct);
            List<OutboxItem> items = [];
            while (await reader.ReadAsync(ct))
            {
                items.Add(new OutboxItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3),
                    reader.GetInt32(4), database.ReadTime(reader, 5), reader.GetInt64(6)));
            }

            return items;
        }, cancellationToken);
    }

    public async Task CompleteAsync(string outboxId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteAsync("complete outbox", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection,
                "UPDATE gi_request_outbox SET done_at = @at, lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = @id;")
                .With("at", database.ToDbTime(at)).With("id", outboxId);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public async Task RetryLaterAsync(string outboxId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken)
    {
        await database.WriteAsync("retry outbox", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    UPDATE gi_request_outbox SET next_attempt_at = @next, lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, last_error = @error
                    WHERE id = @id;
                    """)
                .With("next", database.ToDbTime(nextAttempt)).With("error", error).With("id", outboxId);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public async Task<int> PendingOutboxAsync(CancellationToken cancellationToken)
    {
        return await database.RunAsync("count outbox", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "SELECT COUNT(*) FROM gi_request_outbox WHERE done_at IS NULL;");
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public async Task WakeQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync("wake queued", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    UPDATE gi_request_outbox SET next_attempt_at = @now
                    WHERE done_at IS NULL AND kind = 'ticket' AND next_attempt_at > @now;
                    """).With("now", database.ToDbTime(now));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }
}
