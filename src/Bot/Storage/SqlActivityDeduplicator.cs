using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Storage;

/// <summary>
/// Remembers handled (conversation id, activity id) pairs in <c>processed_activities</c> for
/// <see cref="StorageOptions.DedupRetention"/>. One statement decides, so the database arbitrates between
/// concurrent callers and between instances: exactly one of them inserts (or renews an expired entry) and gets true.
/// </summary>
internal sealed class SqlActivityDeduplicator(StorageDatabase database, TimeProvider timeProvider, IOptions<StorageOptions> options)
    : IActivityDeduplicator, IExpiringStore
{
    private const string TryBeginSql = """
        INSERT INTO processed_activities (conversation_id, activity_id, seen_at)
        VALUES (@conversation_id, @activity_id, @now)
        ON CONFLICT (conversation_id, activity_id) DO UPDATE SET seen_at = excluded.seen_at
        WHERE processed_activities.seen_at < @expired_before;
        """;

    public Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activityId);
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync("deduplicate activity", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, TryBeginSql)
                .With("conversation_id", conversationId)
                .With("activity_id", activityId)
                .With("now", database.ToDbTime(now))
                .With("expired_before", database.ToDbTime(now - options.Value.DedupRetention));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    public Task ForgetAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        database.WriteAsync("forget activity", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection,
                    "DELETE FROM processed_activities WHERE conversation_id = @conversation_id AND activity_id = @activity_id;")
                .With("conversation_id", conversationId)
                .With("activity_id", activityId);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("purge processed activities", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection,
                    "DELETE FROM processed_activities WHERE seen_at < @expired_before;")
                .With("expired_before", database.ToDbTime(now - options.Value.DedupRetention));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
}
