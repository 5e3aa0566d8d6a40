using System.Data.Common;
using System.Text;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Bot.Reminders;

// Nudges: finding, claiming with leases, renewing, and recording the outcome of each send.
internal sealed partial class SqlReminderStore
{
    public Task<IReadOnlyList<NudgeRecord>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        database.RunAsync("find due nudges", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {NudgeColumns} FROM reminder_nudges
                WHERE state IN {Open} AND available_at <= @now ORDER BY available_at LIMIT @max;
                """).With("now", database.ToDbTime(now)).With("max", max);
            return await ReadNudgesAsync(command, ct);
        }, cancellationToken);

    public Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string claimOwner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimOwner);
        return database.WriteAsync("claim due nudges", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var claimed = new List<NudgeRecord>();
            await using (var first = StorageDatabase.Command(connection, ClaimSql("", "ORDER BY available_at LIMIT @max"), transaction))
            {
                first.With("owner", claimOwner).With("now", database.ToDbTime(now)).With("lease", database.ToDbTime(leaseUntil)).With("max", max);
                claimed.AddRange(await ReadNudgesAsync(first, ct));
            }

            var owners = claimed.Select(n => n.OwnerId).Distinct(StringComparer.Ordinal).ToList();
            if (owners.Count > 0)
            {
                // The same users' other due nudges, so catch-up can put them on one card (at most a few per user).
                await using var rest = StorageDatabase.Command(connection, "", transaction);
                rest.CommandText = ClaimSql($"AND owner_id IN ({InList(rest, "o", owners)})", "");
                rest.With("owner", claimOwner).With("now", database.ToDbTime(now)).With("lease", database.ToDbTime(leaseUntil));
                claimed.AddRange(await ReadNudgesAsync(rest, ct));
            }

            await transaction.CommitAsync(ct);
            return (IReadOnlyList<NudgeRecord>)claimed;
        }, cancellationToken);
    }

    private string ClaimSql(string filter, string orderAndLimit)
    {
        var pick = $"SELECT id FROM reminder_nudges WHERE state IN {Open} AND available_at <= @now {filter} {orderAndLimit}";
        return IsPostgres
            ? $"""
                UPDATE reminder_nudges SET state = 'claimed', claim_owner = @owner, available_at = @lease, attempts = attempts + 1
                WHERE id IN ({pick} FOR UPDATE SKIP LOCKED)
                RETURNING {NudgeColumns};
                """
            : $"""
                UPDATE reminder_nudges SET state = 'claimed', claim_owner = @owner, available_at = @lease, attempts = attempts + 1
                WHERE id IN ({pick})
                RETURNING {NudgeColumns};
                """;
    }

    public Task<int> RenewAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.FromResult(0) : database.WriteAsync("renew nudge leases", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "");
            command.CommandText = $"""
                UPDATE reminder_nudges SET available_at = @lease
                WHERE id IN ({InList(command, "id", ids)}) AND state = 'claimed' AND claim_owner = @owner;
                """;
            command.With("lease", database.ToDbTime(leaseUntil)).With("owner", claimOwner);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task MarkSentAsync(IReadOnlyCollection<string> sentIds, IReadOnlyCollection<string> supersededIds, string? activityId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync("mark nudges sent", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var (ids, state) in new[] { (sentIds, "sent"), (supersededIds, "superseded") })
            {
                if (ids.Count == 0)
                {
                    continue;
                }

                // Not fenced by the claim owner: the card went out, whoever holds the lease now must not send it again.
                await using var command = StorageDatabase.Command(connection, "", transaction);
                command.CommandText = $"""
                    UPDATE reminder_nudges SET state = '{state}', sent_at = @at, activity_id = @activity_id, conversation_id = @conversation_id,
                        claim_owner = NULL, last_error = NULL
                    WHERE id IN ({InList(command, "id", ids)}) AND state IN {Open};
                    """;
                command.With("at", database.ToDbTime(at)).With("activity_id", activityId).With("conversation_id", conversationId);
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return 0;
        }, cancellationToken);

    public Task ReleaseAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : database.WriteAsync("release nudges", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "");
            command.CommandText = $"""
                UPDATE reminder_nudges SET state = 'pending', claim_owner = NULL, available_at = @retry_at, last_error = @error
                WHERE id IN ({InList(command, "id", ids)}) AND state = 'claimed' AND claim_owner = @owner;
                """;
            command.With("retry_at", database.ToDbTime(retryAt)).With("error", error).With("owner", claimOwner);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task MarkFailedAsync(IReadOnlyCollection<string> ids, string error, CancellationToken cancellationToken) =>
        SetFinalAsync(ids, "failed", error, cancellationToken);

    public Task MarkCancelledAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        SetFinalAsync(ids, "cancelled", null, cancellationToken);

    private Task SetFinalAsync(IReadOnlyCollection<string> ids, string state, string? error, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : database.WriteAsync($"mark nudges {state}", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "");
            command.CommandText = $"""
                UPDATE reminder_nudges SET state = '{state}', claim_owner = NULL, last_error = @error
                WHERE id IN ({InList(command, "id", ids)}) AND state IN {Open};
                """;
            command.With("error", error);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<NudgeRecord?> FindByActivityAsync(string reminderId, string activityId, CancellationToken cancellationToken) =>
        database.RunAsync("find nudge by activity", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {NudgeColumns} FROM reminder_nudges WHERE activity_id = @activity_id AND reminder_id = @reminder_id LIMIT 1;
                """).With("activity_id", activityId).With("reminder_id", reminderId);
            var list = await ReadNudgesAsync(command, ct);
            return list.Count == 0 ? null : list[0];
        }, cancellationToken);
}
