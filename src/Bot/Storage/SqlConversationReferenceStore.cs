using System.Data.Common;
using ExpertBot.Bot.Protocol;
using Microsoft.Extensions.Caching.Memory;

namespace ExpertBot.Bot.Storage;

/// <summary>Conversation references in <c>conversation_references</c>, keyed by (channel_id, conversation_id).</summary>
internal sealed class SqlConversationReferenceStore(StorageDatabase database, TimeProvider timeProvider) : IConversationReferenceStore, IDisposable
{
    /// <summary>
    /// Every activity carries its conversation's reference, and rewriting an unchanged one on every message cost a
    /// write per turn on the request path. A reference this instance wrote within this interval, with the same
    /// fields (the activity id aside), is not written again; a status change forgets it, so the next activity
    /// re-activates the reference at once. Another instance's status change is undone within this interval at most.
    /// </summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    private const string Columns = """
        channel_id, conversation_id, service_url, conversation_type, tenant_id, bot_id, bot_name, user_id,
        user_aad_object_id, team_id, teams_channel_id, locale, activity_id, status, updated_at
        """;

    // Required fields and the serviceUrl always take the new value. Optional ones keep the stored value when the
    // new activity lacks them (a conversationUpdate carries no locale, for instance), so a refresh never loses ids.
    private const string UpsertSql = """
        INSERT INTO conversation_references (
            channel_id, conversation_id, service_url, conversation_type, tenant_id, bot_id, bot_name, user_id,
            user_aad_object_id, team_id, teams_channel_id, locale, activity_id, status, created_at, updated_at)
        VALUES (
            @channel_id, @conversation_id, @service_url, @conversation_type, @tenant_id, @bot_id, @bot_name, @user_id,
            @user_aad_object_id, @team_id, @teams_channel_id, @locale, @activity_id, 'active', @now, @now)
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            service_url        = excluded.service_url,
            bot_id             = excluded.bot_id,
            conversation_type  = COALESCE(excluded.conversation_type, conversation_references.conversation_type),
            tenant_id          = COALESCE(excluded.tenant_id, conversation_references.tenant_id),
            bot_name           = COALESCE(excluded.bot_name, conversation_references.bot_name),
            user_id            = COALESCE(excluded.user_id, conversation_references.user_id),
            user_aad_object_id = COALESCE(excluded.user_aad_object_id, conversation_references.user_aad_object_id),
            team_id            = COALESCE(excluded.team_id, conversation_references.team_id),
            teams_channel_id   = COALESCE(excluded.teams_channel_id, conversation_references.teams_channel_id),
            locale             = COALESCE(excluded.locale, conversation_references.locale),
            activity_id        = COALESCE(excluded.activity_id, conversation_references.activity_id),
            status             = 'active',
            updated_at         = excluded.updated_at;
        """;

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = timeProvider.GetUtcNow();
        var key = (reference.ChannelId, reference.ConversationId);
        var fields = reference with { ActivityId = null };
        if (_written.TryGetValue(key, out Written? written) && written!.Fields == fields && at - written.At < RefreshInterval)
        {
            return;
        }

        var now = database.ToDbTime(at);
        await database.WriteAsync("upsert conversation reference", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, UpsertSql)
                .With("channel_id", reference.ChannelId)
                .With("conversation_id", reference.ConversationId)
                .With("service_url", reference.ServiceUrl)
                .With("conversation_type", reference.ConversationType)
                .With("tenant_id", reference.TenantId)
                .With("bot_id", reference.BotId)
                .With("bot_name", reference.BotName)
                .With("user_id", reference.UserId)
                .With("user_aad_object_id", reference.UserAadObjectId)
                .With("team_id", reference.TeamId)
                .With("teams_channel_id", reference.TeamsChannelId)
                .With("locale", reference.Locale)
                .With("activity_id", reference.ActivityId)
                .With("now", now);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        _written.Set(key, new Written(fields, at), new MemoryCacheEntryOptions { Size = 1 });
    }

    public Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return database.RunAsync("get conversation reference", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {Columns} FROM conversation_references
                WHERE channel_id = @channel_id AND conversation_id = @conversation_id;
                """)
                .With("channel_id", channelId)
                .With("conversation_id", conversationId);
            return await ReadSingleAsync(command, ct);
        }, cancellationToken);
    }

    public Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userIdOrAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(userIdOrAadObjectId);
        // A user can have several personal chats over time (reinstalls); prefer one we may still send to, else the
        // most recently touched one so the caller sees why it cannot send.
        return database.RunAsync("find personal conversation reference", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, $"""
                SELECT {Columns} FROM conversation_references
                WHERE channel_id = @channel_id AND conversation_type = 'personal'
                  AND (user_id = @user OR user_aad_object_id = @user)
                ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, updated_at DESC, created_at DESC, conversation_id
                LIMIT 1;
                """)
                .With("channel_id", channelId)
                .With("user", userIdOrAadObjectId);
            return await ReadSingleAsync(command, ct);
        }, cancellationToken);
    }

    public Task SetStatusAsync(string channelId, string conversationId, ReferenceStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var text = ToText(status);
        var now = database.ToDbTime(timeProvider.GetUtcNow());
        _written.Remove((channelId, conversationId));
        return database.WriteAsync("set conversation reference status", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                UPDATE conversation_references SET status = @status, updated_at = @now
                WHERE channel_id = @channel_id AND conversation_id = @conversation_id;
                """)
                .With("status", text)
                .With("now", now)
                .With("channel_id", channelId)
                .With("conversation_id", conversationId);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    private async Task<StoredConversationReference?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var reference = new ConversationReference
        {
            ChannelId = reader.GetString(0),
            ConversationId = reader.GetString(1),
            ServiceUrl = reader.GetString(2),
            ConversationType = reader.GetNullableString(3),
            TenantId = reader.GetNullableString(4),
            BotId = reader.GetString(5),
            BotName = reader.GetNullableString(6),
            UserId = reader.GetNullableString(7),
            UserAadObjectId = reader.GetNullableString(8),
            TeamId = reader.GetNullableString(9),
            TeamsChannelId = reader.GetNullableString(10),
            Locale = reader.GetNullableString(11),
            ActivityId = reader.GetNullableString(12),
        };
        return new StoredConversationReference(reference, FromText(reader.GetString(13)), database.ReadTime(reader, 14));
    }

    private static string ToText(ReferenceStatus status) => status switch
    {
        ReferenceStatus.Active => "active",
        ReferenceStatus.Unreachable => "unreachable",
        ReferenceStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown reference status."),
    };

    private static ReferenceStatus FromText(string status) => status switch
    {
        "active" => ReferenceStatus.Active,
        "unreachable" => ReferenceStatus.Unreachable,
        "revoked" => ReferenceStatus.Revoked,
        _ => throw new InvalidOperationException($"Unknown conversation reference status '{status}' in storage."),
    };

    public void Dispose() => _written.Dispose();

    private sealed record Written(ConversationReference Fields, DateTimeOffset At);
}
