using System.Data.Common;
using System.Text;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Bot.Reminders;

/// <summary>
/// <see cref="IReminderStore"/> on <see cref="StorageDatabase"/>. The SQL is shared except the claim: PostgreSQL
/// locks the picked rows with <c>FOR UPDATE SKIP LOCKED</c> so concurrent instances claim disjoint sets; SQLite has
/// one writer, so its single <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING</c> is atomic as it is.
/// </summary>
internal sealed partial class SqlReminderStore(StorageDatabase database) : IReminderStore
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
        return database.WriteAsync("create reminder", async (connection, ct) =>
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
        return database.WriteAsync("reschedule reminder", async (connection, ct) =>
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
        return database.WriteAsync("close reminder", async (connection, ct) =>
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
        database.WriteAsync("cancel occurrence", async (connection, ct) =>
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
        return database.WriteAsync("add nudges", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var added = await InsertNudgesAsync(connection, transaction, reminderId, ownerId, nudges, ct);
            await transaction.CommitAsync(ct);
            return added;
        }, cancellationToken);
    }

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
