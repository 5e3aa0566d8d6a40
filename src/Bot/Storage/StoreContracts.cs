using ExpertBot.Bot.Protocol;

namespace ExpertBot.Bot.Storage;

/// <summary>Durable conversation references, keyed by (channel id, conversation id).</summary>
internal interface IConversationReferenceStore
{
    /// <summary>Inserts or refreshes a reference (a changed serviceUrl replaces the old one) and marks it Active.</summary>
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken);
    Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);
    /// <summary>The personal-chat reference of a user (by 29: id or AAD object id), if any.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userIdOrAadObjectId, CancellationToken cancellationToken);
    Task SetStatusAsync(string channelId, string conversationId, ReferenceStatus status, CancellationToken cancellationToken);
}

/// <summary>
/// Remembers which (conversation id, activity id) pairs were already handled, because channels redeliver.
/// </summary>
internal interface IActivityDeduplicator
{
    /// <summary>True the first time a pair is seen (the caller should handle it); false for a redelivery.</summary>
    Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a pair whose turn could not be taken on (queue full, host stopping), so the channel's redelivery
    /// is handled instead of being dropped as a duplicate.
    /// </summary>
    Task ForgetAsync(string conversationId, string activityId, CancellationToken cancellationToken);
}

/// <summary>Small per-conversation state (e.g. a pending follow-up question) as an opaque JSON document.</summary>
internal interface IConversationStateStore
{
    Task<string?> GetAsync(string conversationKey, CancellationToken cancellationToken);
    Task SetAsync(string conversationKey, string json, CancellationToken cancellationToken);
    Task DeleteAsync(string conversationKey, CancellationToken cancellationToken);
}

/// <summary>A 👍/👎 on an answer. Never holds message text.</summary>
internal sealed record FeedbackRecord(
    string AnswerId,
    int Vote,
    string Intent,
    string? RouteId,
    string? ConversationType,
    DateTimeOffset At);

internal interface IFeedbackStore
{
    Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken);
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
