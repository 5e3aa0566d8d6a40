using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Storage;

/// <summary>
/// Opaque JSON per conversation key in <c>conversation_state</c>. A document not written for
/// <see cref="StorageOptions.StateRetention"/> is gone: reads ignore it at once, the purge deletes it later.
/// </summary>
internal sealed class SqlConversationStateStore(StorageDatabase database, TimeProvider timeProvider, IOptions<StorageOptions> options)
    : IConversationStateStore, IExpiringStore
{
    public Task<string?> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var expiredBefore = database.ToDbTime(timeProvider.GetUtcNow() - options.Value.StateRetention);
        return database.RunAsync("get conversation state", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection,
                    "SELECT json FROM conversation_state WHERE state_key = @key AND updated_at >= @expired_before;")
                .With("key", conversationKey)
                .With("expired_before", expiredBefore);
            return (string?)await command.ExecuteScalarAsync(ct);
        }, cancellationToken);
    }

    public Task SetAsync(string conversationKey, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        ArgumentNullException.ThrowIfNull(json);
        var now = database.ToDbTime(timeProvider.GetUtcNow());
        return database.WriteAsync("set conversation state", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    INSERT INTO conversation_state (state_key, json, updated_at) VALUES (@key, @json, @now)
                    ON CONFLICT (state_key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at;
                    """)
                .With("key", conversationKey)
                .With("json", json)
                .With("now", now);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return database.WriteAsync("delete conversation state", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "DELETE FROM conversation_state WHERE state_key = @key;")
                .With("key", conversationKey);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("purge conversation state", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, "DELETE FROM conversation_state WHERE updated_at < @expired_before;")
                .With("expired_before", database.ToDbTime(now - options.Value.StateRetention));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
}
