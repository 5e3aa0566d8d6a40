using System.Data.Common;
using System.Text;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Bot.Reminders;

/// <summary>Reminders and their nudges, in the same store as everything else (SQLite or PostgreSQL).</summary>
internal interface IReminderStore
{
    /// <summary>Stores a new reminder with its nudges, in one transaction.</summary>
    Task CreateAsync(ReminderRecord reminder, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken);

    /// <summary>The reminder, if it exists and (when <paramref name="ownerId"/> is given) belongs to that user.</summary>
    Task<ReminderRecord?> GetAsync(string id, string? ownerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Active reminders of a user, soonest first.</summary>
    Task<IReadOnlyList<ReminderRecord>> ListActiveAsync(string ownerId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the reminder to <paramref name="dueDate"/>: cancels its open nudges (of every occurrence when
    /// <paramref name="occurrence"/> is null, else of that occurrence only) and adds <paramref name="nudges"/>.
    /// False when the reminder is not active (anymore).
    /// </summary>
    Task<bool> RescheduleAsync(string id, DateOnly dueDate, DateOnly? occurrence, IReadOnlyList<NewNudge> nudges, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the status and cancels every open nudge. False when the reminder was not active.</summary>
    Task<bool> CloseAsync(string id, ReminderStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Cancels the open nudges of one occurrence (an earlier occurrence marked done).</summary>
    Task<int> CancelOccurrenceAsync(string id, DateOnly occurrence, CancellationToken cancellationToken);

    /// <summary>Adds nudges; one whose (deterministic) id exists is left alone. Returns how many were added.</summary>
    Task<int> AddNudgesAsync(string reminderId, string ownerId, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken);

    /// <summary>Read-only: the due nudges that are free to claim (pending, or claimed with an expired lease).</summary>
    Task<IReadOnlyList<NudgeRecord>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> due nudges for <paramref name="claimOwner"/> until
    /// <paramref name="leaseUntil"/>, then the other due nudges of the same users (so one card per user can carry
    /// them). Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string claimOwner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Extends the lease of nudges still claimed by <paramref name="claimOwner"/>; returns how many.</summary>
    Task<int> RenewAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a delivery: <paramref name="sentIds"/> sent, <paramref name="supersededIds"/> carried by the same card.</summary>
    Task MarkSentAsync(IReadOnlyCollection<string> sentIds, IReadOnlyCollection<string> supersededIds, string? activityId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives claimed nudges back for a later attempt at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    /// <summary>Final: the nudges are not retried (unreachable user, gone conversation, too many attempts).</summary>
    Task MarkFailedAsync(IReadOnlyCollection<string> ids, string error, CancellationToken cancellationToken);

    Task MarkCancelledAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The nudge a card came from (for updates in place), if it belongs to the reminder.</summary>
    Task<NudgeRecord?> FindByActivityAsync(string reminderId, string activityId, CancellationToken cancellationToken);

    /// <summary>Active engagements that started on or before <paramref name="startedOnOrBefore"/> and were not flagged yet.</summary>
    Task<IReadOnlyList<ReminderRecord>> FindUnflaggedLongRunningAsync(DateOnly startedOnOrBefore, int max, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="IReminderStore"/> on <see cref="StorageDatabase"/>. The SQL is shared except the claim: PostgreSQL
/// locks the picked rows with <c>FOR UPDATE SKIP LOCKED</c> so concurrent instances claim disjoint sets; SQLite has
/// one writer, so its single <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING</c> is atomic as it is.
/// </summary>
internal sealed class SqlReminderStore(StorageDatabase database) : IReminderStore
{
    private const string ReminderColumns = """
        id, owner_id, channel_id, conversation_id, kind, case_ref, subject, due_date, due_time, every_count, every_unit,
        until_date, engagement_start, request_id, locale, status, created_at, updated_at
        """;

    private const string NudgeColumns = "id, reminder_id, owner_id, kind, occurrence, due_at, state, attempts, activity_id, conversation_id";

    private const string Open = "('pending', 'claimed')";

    private const string InsertNudgeSql = """
        INSERT INTO reminder_nudges (id, reminder_id, owner_id, kind, occurrence, due_at, available_at, state, attempts)
        VALUES (@id, @reminder_id, @owner_id, @kind, @occurrence, @due_at, @due_at, 'pending', 0)
        ON CONFLICT (id) DO NOTHING;
        """;

    private bool IsPostgres => database.ProviderName == StorageOptions.PostgresProvider;

    public Task CreateAsync(ReminderRecord reminder, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(nudges);
        return database.RunAsync("create reminder", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var insert = StorageDatabase.Command(connection, $"""
                INSERT INTO reminders ({ReminderColumns})
                VALUES (@id, @owner_id, @channel_id, @conversation_id, @kind, @case_ref, @subject, @due_date, @due_time, @every_count,
                        @every_unit, @until_date, @engagement_start, @request_id, @locale, @status, @created_at, @updated_at);
                """, transaction))
            {
                insert.With("id", reminder.Id)
                    .With("owner_id", reminder.OwnerId)
                    .With("channel_id", reminder.ChannelId)
                    .With("conversation_id", reminder.ConversationId)
                    .With("kind", reminder.Kind == ReminderKind.Engagement ? "engagement" : "evaluation")
                    .With("case_ref", reminder.CaseReference)
                    .With("subject", reminder.Subject)
                    .With("due_date", NudgeCodes.Date(reminder.DueDate))
                    .With("due_time", NudgeCodes.Time(reminder.DueTime))
                    .With("every_count", reminder.Every?.Count)
                    .With("every_unit", reminder.Every is { } every ? NudgeCodes.Unit(every.Unit) : null)
                    .With("until_date", reminder.Until is { } until ? NudgeCodes.Date(until) : null)
                    .With("engagement_start", reminder.EngagementStart is { } start ? NudgeCodes.Date(start) : null)
                    .With("request_id", reminder.RequestId)
                    .With("locale", reminder.Locale)
                    .With("status", NudgeCodes.Status(reminder.Status))
                    .With("created_at", database.ToDbTime(reminder.CreatedAt))
                    .With("updated_at", database.ToDbTime(reminder.UpdatedAt));
                await insert.ExecuteNonQueryAsync(ct);
            }

            await InsertNudgesAsync(connection, transaction, reminder.Id, reminder.OwnerId, nudges, ct);
            await transaction.CommitAsync(ct);
            return 0;
        }, cancellationToken);
    }

    public Task<ReminderRecord?> GetAsync(string id, string? ownerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return database.RunAsync("get reminder", async (connection, ct) =>
        {
            var ownerFilter = ownerId is null ? "" : " AND owner_id = @owner_id";
            await using var command = StorageDatabase.Command(connection, $"SELECT {ReminderColumns} FROM reminders WHERE id = @id{ownerFilter};")
                .With("id", id);
            if (ownerId is not null)
            {
                command.With("owner_id", ownerId);
            }

            var list = await ReadRemindersAsync(command, ct);
            return list.Count == 0 ? null : list[0];
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ReminderRecord>>([]);
        }

        return database.RunAsync("get reminders", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "");
            command.CommandText = $"SELECT {ReminderColumns} FROM reminders WHERE id IN ({InList(command, "id", ids)});";
            return await ReadRemindersAsync(command, ct);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderRecord>> ListActiveAsync(string ownerId, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        return database.RunAsync("list reminders", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {ReminderColumns} FROM reminders WHERE owner_id = @owner_id AND status = 'active'
                ORDER BY due_date, due_time, id LIMIT @max;
                """).With("owner_id", ownerId).With("max", max);
            return await ReadRemindersAsync(command, ct);
        }, cancellationToken);
    }

    public Task<bool> RescheduleAsync(string id, DateOnly dueDate, DateOnly? occurrence, IReadOnlyList<NewNudge> nudges, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(nudges);
        return database.RunAsync("reschedule reminder", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            string ownerId;
            await using (var update = StorageDatabase.Command(connection, """
                UPDATE reminders SET due_date = @due_date, updated_at = @now WHERE id = @id AND status = 'active' RETURNING owner_id;
                """, transaction).With("id", id).With("due_date", NudgeCodes.Date(dueDate)).With("now", database.ToDbTime(now)))
            {
                if (await update.ExecuteScalarAsync(ct) is not string owner)
                {
                    return false;
                }

                ownerId = owner;
            }

            var occurrenceFilter = occurrence is null ? "" : " AND occurrence = @occurrence";
            await using (var cancel = StorageDatabase.Command(connection, $"""
                UPDATE reminder_nudges SET state = 'cancelled', claim_owner = NULL
                WHERE reminder_id = @id AND state IN {Open}{occurrenceFilter};
                """, transaction).With("id", id))
            {
                if (occurrence is { } o)
                {
                    cancel.With("occurrence", NudgeCodes.Date(o));
                }

                await cancel.ExecuteNonQueryAsync(ct);
            }

            await InsertNudgesAsync(connection, transaction, id, ownerId, nudges, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    public Task<bool> CloseAsync(string id, ReminderStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return database.RunAsync("close reminder", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            int changed;
            await using (var update = StorageDatabase.Command(connection, """
                UPDATE reminders SET status = @status, updated_at = @now WHERE id = @id AND status = 'active';
                """, transaction).With("id", id).With("status", NudgeCodes.Status(status)).With("now", database.ToDbTime(now)))
            {
                changed = await update.ExecuteNonQueryAsync(ct);
            }

            await using (var cancel = StorageDatabase.Command(connection, $"""
                UPDATE reminder_nudges SET state = 'cancelled', claim_owner = NULL WHERE reminder_id = @id AND state IN {Open};
                """, transaction).With("id", id))
            {
                await cancel.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return changed > 0;
        }, cancellationToken);
    }

    public Task<int> CancelOccurrenceAsync(string id, DateOnly occurrence, CancellationToken cancellationToken) =>
        database.RunAsync("cancel occurrence", async (connection, ct) =>
        {
            await using var cancel = StorageDatabase.Command(connection, $"""
                UPDATE reminder_nudges SET state = 'cancelled', claim_owner = NULL
                WHERE reminder_id = @id AND occurrence = @occurrence AND state IN {Open};
                """).With("id", id).With("occurrence", NudgeCodes.Date(occurrence));
            return await cancel.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<int> AddNudgesAsync(string reminderId, string ownerId, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        return database.RunAsync("add nudges", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var added = await InsertNudgesAsync(connection, transaction, reminderId, ownerId, nudges, ct);
            await transaction.CommitAsync(ct);
            return added;
        }, cancellationToken);
    }

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
        return database.RunAsync("claim due nudges", async (connection, ct) =>
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
        ids.Count == 0 ? Task.FromResult(0) : database.RunAsync("renew nudge leases", async (connection, ct) =>
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
        database.RunAsync("mark nudges sent", async (connection, ct) =>
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
        ids.Count == 0 ? Task.CompletedTask : database.RunAsync("release nudges", async (connection, ct) =>
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
        ids.Count == 0 ? Task.CompletedTask : database.RunAsync($"mark nudges {state}", async (connection, ct) =>
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

    public Task<IReadOnlyList<ReminderRecord>> FindUnflaggedLongRunningAsync(DateOnly startedOnOrBefore, int max, CancellationToken cancellationToken) =>
        database.RunAsync("find long-running engagements", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {ReminderColumns} FROM reminders r
                WHERE r.kind = 'engagement' AND r.status = 'active' AND r.engagement_start <= @start
                  AND NOT EXISTS (SELECT 1 FROM reminder_nudges n WHERE n.reminder_id = r.id AND n.kind = 'long_running')
                ORDER BY r.engagement_start LIMIT @max;
                """).With("start", NudgeCodes.Date(startedOnOrBefore)).With("max", max);
            return await ReadRemindersAsync(command, ct);
        }, cancellationToken);

    private async Task<int> InsertNudgesAsync(DbConnection connection, DbTransaction transaction, string reminderId, string ownerId, IReadOnlyList<NewNudge> nudges, CancellationToken ct)
    {
        var added = 0;
        foreach (var nudge in nudges)
        {
            await using var insert = StorageDatabase.Command(connection, InsertNudgeSql, transaction)
                .With("id", nudge.IdFor(reminderId))
                .With("reminder_id", reminderId)
                .With("owner_id", ownerId)
                .With("kind", NudgeCodes.Kind(nudge.Kind))
                .With("occurrence", NudgeCodes.Date(nudge.Occurrence))
                .With("due_at", database.ToDbTime(nudge.DueAt));
            added += await insert.ExecuteNonQueryAsync(ct);
        }

        return added;
    }

    private static string InList(DbCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = $"{prefix}{i++}";
            command.With(name, value);
            names.Append(names.Length == 0 ? "@" : ", @").Append(name);
        }

        return names.ToString();
    }

    private async Task<IReadOnlyList<ReminderRecord>> ReadRemindersAsync(DbCommand command, CancellationToken ct)
    {
        var list = new List<ReminderRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ReminderRecord
            {
                Id = reader.GetString(0),
                OwnerId = reader.GetString(1),
                ChannelId = reader.GetString(2),
                ConversationId = reader.GetNullableString(3),
                Kind = reader.GetString(4) == "engagement" ? ReminderKind.Engagement : ReminderKind.Evaluation,
                CaseReference = reader.GetNullableString(5),
                Subject = reader.GetNullableString(6),
                DueDate = NudgeCodes.ParseDate(reader.GetString(7)),
                DueTime = NudgeCodes.ParseTime(reader.GetString(8)),
                Every = reader.IsDBNull(9) ? null : new Interval(Convert.ToInt32(reader.GetValue(9), System.Globalization.CultureInfo.InvariantCulture), NudgeCodes.ParseUnit(reader.GetString(10))),
                Until = reader.GetNullableString(11) is { } until ? NudgeCodes.ParseDate(until) : null,
                EngagementStart = reader.GetNullableString(12) is { } start ? NudgeCodes.ParseDate(start) : null,
                RequestId = reader.GetNullableString(13),
                Locale = reader.GetNullableString(14),
                Status = NudgeCodes.ParseStatus(reader.GetString(15)),
                CreatedAt = database.ReadTime(reader, 16),
                UpdatedAt = database.ReadTime(reader, 17),
            });
        }

        return list;
    }

    private async Task<IReadOnlyList<NudgeRecord>> ReadNudgesAsync(DbCommand command, CancellationToken ct)
    {
        var list = new List<NudgeRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new NudgeRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                NudgeCodes.ParseKind(reader.GetString(3)),
                NudgeCodes.ParseDate(reader.GetString(4)),
                database.ReadTime(reader, 5),
                NudgeCodes.ParseState(reader.GetString(6)),
                Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetNullableString(8),
                reader.GetNullableString(9)));
        }

        return list;
    }
}
