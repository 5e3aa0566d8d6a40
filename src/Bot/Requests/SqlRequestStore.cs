using System.Data.Common;
using System.Text.Json;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

/// <summary>
/// Requests, their audit trail, channel links and the delivery outbox on the configured provider (shared SQL).
/// </summary>
internal sealed partial class SqlRequestStore(StorageDatabase database) : IRequestStore
{
    private const string Columns = """
        id, idempotency_key, owner_id, owner_name, owner_channel_id, owner_conversation_id, owner_locale, fields_json, status,
        target_conversation_id, ticket_activity_id, picked_up_by, outcome, created_at, updated_at, ticket_at, picked_up_at, closed_at, version,
        bundle_activity_id
        """;

    private static long _seq = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private sealed record Document(RequestForm Form, IReadOnlyList<string>? Added);

    public async Task<(StoredRequest Request, bool Created)> SubmitAsync(StoredRequest request, RequestEvent created, IReadOnlyList<(string Kind, string? Payload)> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inserted = await database.WriteAsync("submit request", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var insert = StorageDatabase.Command(connection, $"""
                    INSERT INTO gi_requests ({Columns}, case_ref, municipality, kind, reason, safety, route_id)
                    VALUES (@id, @idempotency_key, @owner_id, @owner_name, @owner_channel_id, @owner_conversation_id, @owner_locale, @fields_json, @status,
                            @target_conversation_id, @ticket_activity_id, @picked_up_by, @outcome, @created_at, @updated_at, @ticket_at, @picked_up_at, @closed_at, @version,
                            @bundle_activity_id, @case_ref, @municipality, @kind, @reason, @safety, @route_id)
                    ON CONFLICT (idempotency_key) DO NOTHING;
                    """, transaction))
            {
                Bind(insert, request)
                    .With("case_ref", request.Form.CaseReference)
                    .With("municipality", request.Form.Municipality)
                    .With("kind", request.Form.Kind.Code())
                    .With("reason", request.Form.Reason.Code())
                    .With("safety", request.Form.Safety.Code())
                    .With("route_id", request.Form.RouteId);
                if (await insert.ExecuteNonQueryAsync(ct) == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }
            }

            await InsertEventAsync(connection, transaction, created, ct);
            await InsertOutboxAsync(connection, transaction, request.Id, outbox, request.CreatedAt, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        if (inserted)
        {
            return (request, true);
        }

        var existing = await database.RunAsync("get request by key", (connection, ct) =>
            ReadOneAsync(connection, "idempotency_key = @key", "key", request.IdempotencyKey, ct), cancellationToken);
        return (existing ?? throw new InvalidOperationException("A request with this idempotency key existed a moment ago and is gone."), false);
    }

    public async Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        return await database.RunAsync("get request", (connection, ct) => ReadOneAsync(connection, "id = @id", "id", id, ct), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRequest>> ListOpenAsync(string ownerId, CancellationToken cancellationToken)
    {
        return await database.RunAsync<IReadOnlyList<StoredRequest>>("list open requests", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                    SELECT {Columns} FROM gi_requests
                    WHERE owner_id = @owner AND status IN ('nieuw', 'opgepakt', 'in-behandeling')
                    ORDER BY created_at DESC LIMIT 20;
                    """).With("owner", ownerId);
            return await ReadAllAsync(command, ct);
        }, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(StoredRequest updated, RequestEvent change, IReadOnlyList<(string Kind, string? Payload)> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return await database.WriteAsync("update request", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var update = StorageDatabase.Command(connection, """
                    UPDATE gi_requests SET fields_json = @fields_json, status = @status, target_conversation_id = @target_conversation_id,
                        picked_up_by = @picked_up_by, outcome = @outcome, updated_at = @updated_at, picked_up_at = @picked_up_at,
                        closed_at = @closed_at, version = @version
                    WHERE id = @id AND version = @expected;
                    """, transaction))
            {
                Bind(update, updated).With("expected", updated.Version - 1);
                if (await update.ExecuteNonQueryAsync(ct) == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }
            }

            await InsertEventAsync(connection, transaction, change, ct);
            await InsertOutboxAsync(connection, transaction, updated.Id, outbox, updated.UpdatedAt, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    public async Task SetTicketAsync(string requestId, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteAsync("set ticket", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    UPDATE gi_requests SET target_conversation_id = @conversation, ticket_activity_id = @activity, ticket_at = COALESCE(ticket_at, @at)
                    WHERE id = @id;
                    """)
                .With("conversation", conversationId).With("activity", activityId).With("at", database.ToDbTime(at)).With("id", requestId);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public async Task SetBundleAsync(IReadOnlyList<(string RequestId, string OutboxId)> tickets, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        await database.WriteAsync("set ticket bundle", async (connection, ct) =>
        {
            // One transaction for the whole bundle: its tickets and their outbox rows are done together or not at all.
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var (requestId, outboxId) in tickets)
            {
                await using var ticket = StorageDatabase.Command(connection, """
                        UPDATE gi_requests SET target_conversation_id = @conversation, ticket_activity_id = @activity,
                            bundle_activity_id = @activity, ticket_at = COALESCE(ticket_at, @at)
                        WHERE id = @id;
                        """, transaction)
                    .With("conversation", conversationId).With("activity", activityId).With("at", database.ToDbTime(at)).With("id", requestId);
                await ticket.ExecuteNonQueryAsync(ct);
                await using var done = StorageDatabase.Command(connection,
                        "UPDATE gi_request_outbox SET done_at = @at, lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = @id;",
                        transaction)
                    .With("at", database.ToDbTime(at)).With("id", outboxId);
                await done.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return tickets.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRequest>> ListBundleAsync(string conversationId, string bundleActivityId, CancellationToken cancellationToken)
    {
        return await database.RunAsync<IReadOnlyList<StoredRequest>>("list ticket bundle", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                    SELECT {Columns} FROM gi_requests
                    WHERE bundle_activity_id = @bundle AND target_conversation_id = @conversation
                    ORDER BY created_at, id;
                    """).With("bundle", bundleActivityId).With("conversation", conversationId);
            return await ReadAllAsync(command, ct);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RequestEvent>> ListEventsAsync(string requestId, CancellationToken cancellationToken)
    {
        return await database.RunAsync<IReadOnlyList<RequestEvent>>("list request events", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    SELECT request_id, at, actor_id, actor_role, transition, from_status, to_status FROM gi_request_events
                    WHERE request_id = @id ORDER BY at, id;
                    """).With("id", requestId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            List<RequestEvent> list = [];
            while (await reader.ReadAsync(ct))
            {
                list.Add(new RequestEvent(reader.GetString(0), database.ReadTime(reader, 1), reader.GetString(2),
                    reader.GetString(3) == "gi" ? RequestRole.Gi : RequestRole.Casemanager, reader.GetString(4),
                    reader.GetNullableString(5) is { } from ? RequestLifecycle.ParseStatus(from) : null, RequestLifecycle.ParseStatus(reader.GetString(6))));
            }

            return list;
        }, cancellationToken);
    }

    public async Task LinkChannelAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken)
    {
        await database.WriteAsync("link channel", async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var link in links)
            {
                await using var command = StorageDatabase.Command(connection, """
                        INSERT INTO gi_request_channels (municipality, channel_id, conversation_id, linked_by, linked_at)
                        VALUES (@municipality, @channel, @conversation, @by, @at)
                        ON CONFLICT (municipality) DO UPDATE SET channel_id = excluded.channel_id, conversation_id = excluded.conversation_id,
                            linked_by = excluded.linked_by, linked_at = excluded.linked_at;
                        """, transaction)
                    .With("municipality", link.Municipality).With("channel", link.ChannelId).With("conversation", link.ConversationId)
                    .With("by", link.LinkedBy).With("at", database.ToDbTime(link.LinkedAt));
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return links.Count;
        }, cancellationToken);
    }

    public async Task<ChannelLink?> FindChannelAsync(string municipality, CancellationToken cancellationToken)
    {
        return await database.RunAsync("find channel", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection,
                "SELECT municipality, channel_id, conversation_id, linked_by, linked_at FROM gi_request_channels WHERE municipality = @m;")
                .With("m", municipality);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new ChannelLink(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), database.ReadTime(reader, 4))
                : null;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RequestFact>> ListFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        return await database.RunAsync<IReadOnlyList<RequestFact>>("request facts", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    SELECT municipality, route_id, kind, reason, status, created_at, picked_up_at, closed_at FROM gi_requests
                    WHERE created_at >= @from AND created_at < @to ORDER BY created_at;
                    """).With("from", database.ToDbTime(from)).With("to", database.ToDbTime(to));
            await using var reader = await command.ExecuteReaderAsync(ct);
            List<RequestFact> facts = [];
            while (await reader.ReadAsync(ct))
            {
                facts.Add(new RequestFact(reader.GetString(0), reader.GetNullableString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    database.ReadTime(reader, 5), reader.IsDBNull(6) ? null : database.ReadTime(reader, 6), reader.IsDBNull(7) ? null : database.ReadTime(reader, 7)));
            }

            return facts;
        }, cancellationToken);
    }

    private DbCommand Bind(DbCommand command, StoredRequest request) => command
        .With("id", request.Id)
        .With("idempotency_key", request.IdempotencyKey)
        .With("owner_id", request.Owner.Id)
        .With("owner_name", request.Owner.Name)
        .With("owner_channel_id", request.Owner.ChannelId)
        .With("owner_conversation_id", request.Owner.ConversationId)
        .With("owner_locale", request.Owner.Locale)
        .With("fields_json", JsonSerializer.Serialize(new Document(request.Form, request.AddedInformation), RequestJson.Options))
        .With("status", request.Status.Code())
        .With("target_conversation_id", request.TargetConversationId)
        .With("ticket_activity_id", request.TicketActivityId)
        .With("bundle_activity_id", request.BundleActivityId)
        .With("picked_up_by", request.PickedUpBy)
        .With("outcome", request.Outcome)
        .With("created_at", database.ToDbTime(request.CreatedAt))
        .With("updated_at", database.ToDbTime(request.UpdatedAt))
        .With("ticket_at", request.TicketAt is { } ticket ? database.ToDbTime(ticket) : null)
        .With("picked_up_at", request.PickedUpAt is { } picked ? database.ToDbTime(picked) : null)
        .With("closed_at", request.ClosedAt is { } closed ? database.ToDbTime(closed) : null)
        .With("version", request.Version);

    private async Task<StoredRequest?> ReadOneAsync(DbConnection connection, string where, string name, string value, CancellationToken ct)
    {
        await using var command = StorageDatabase.Command(connection, $"SELECT {Columns} FROM gi_requests WHERE {where};").With(name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private async Task<IReadOnlyList<StoredRequest>> ReadAllAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        List<StoredRequest> list = [];
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private StoredRequest Read(DbDataReader reader)
    {
        var document = JsonSerializer.Deserialize<Document>(reader.GetString(7), RequestJson.Options)
            ?? throw new InvalidOperationException("A stored request has no fields.");
        return new StoredRequest
        {
            Id = reader.GetString(0),
            IdempotencyKey = reader.GetString(1),
            Owner = new RequestOwner(reader.GetString(2), reader.GetNullableString(3), reader.GetString(4), reader.GetString(5), reader.GetNullableString(6)),
            Form = document.Form,
            AddedInformation = document.Added ?? [],
            Status = RequestLifecycle.ParseStatus(reader.GetString(8)),
            TargetConversationId = reader.GetNullableString(9),
            TicketActivityId = reader.GetNullableString(10),
            PickedUpBy = reader.GetNullableString(11),
            Outcome = reader.GetNullableString(12),
            CreatedAt = database.ReadTime(reader, 13),
            UpdatedAt = database.ReadTime(reader, 14),
            TicketAt = reader.IsDBNull(15) ? null : database.ReadTime(reader, 15),
            PickedUpAt = reader.IsDBNull(16) ? null : database.ReadTime(reader, 16),
            ClosedAt = reader.IsDBNull(17) ? null : database.ReadTime(reader, 17),
            Version = reader.GetInt32(18),
            BundleActivityId = reader.GetNullableString(19),
        };
    }

    private async Task InsertEventAsync(DbConnection connection, DbTransaction transaction, RequestEvent change, CancellationToken ct)
    {
        await using var command = StorageDatabase.Command(connection, """
                INSERT INTO gi_request_events (id, request_id, at, actor_id, actor_role, transition, from_status, to_status)
                VALUES (@id, @request_id, @at, @actor_id, @actor_role, @transition, @from_status, @to_status);
                """, transaction)
            .With("id", Guid.NewGuid().ToString("N"))
            .With("request_id", change.RequestId)
            .With("at", database.ToDbTime(change.At))
            .With("actor_id", change.ActorId)
            .With("actor_role", change.Role == RequestRole.Gi ? "gi" : "casemanager")
            .With("transition", change.Transition)
            .With("from_status", change.From?.Code())
            .With("to_status", change.To.Code());
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, string requestId, IReadOnlyList<(string Kind, string? Payload)> outbox, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var (kind, payload) in outbox)
        {
            await using var command = StorageDatabase.Command(connection, """
                    INSERT INTO gi_request_outbox (id, request_id, kind, payload, attempts, next_attempt_at, created_at, seq)
                    VALUES (@id, @request_id, @kind, @payload, 0, @at, @at, @seq);
                    """, transaction)
                .With("id", Guid.NewGuid().ToString("N"))
                .With("request_id", requestId)
                .With("kind", kind)
                .With("payload", payload)
                .With("at", database.ToDbTime(at))
                .With("seq", Interlocked.Increment(ref _seq));
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
