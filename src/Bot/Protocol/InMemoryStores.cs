using System.Collections.Concurrent;
using ExpertBot.Bot.Storage;

namespace ExpertBot.Bot.Protocol;

/// <summary>Default and test store; references are lost on restart. The durable store replaces it in DI.</summary>
internal sealed class InMemoryConversationReferenceStore(TimeProvider time) : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string Channel, string Conversation), StoredConversationReference> _references = new();

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _references[(reference.ChannelId, reference.ConversationId)] =
            new StoredConversationReference(reference, ReferenceStatus.Active, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.TryGetValue((channelId, conversationId), out var stored) ? stored : null);

    public Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userIdOrAadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.Values
            .Where(s => s.Reference.ChannelId == channelId
                && string.Equals(s.Reference.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
                && (s.Reference.UserId == userIdOrAadObjectId
                    || string.Equals(s.Reference.UserAadObjectId, userIdOrAadObjectId, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(s => s.UpdatedAt)
            .FirstOrDefault());

    public Task SetStatusAsync(string channelId, string conversationId, ReferenceStatus status, CancellationToken cancellationToken)
    {
        var key = (channelId, conversationId);
        while (_references.TryGetValue(key, out var stored)
            && !_references.TryUpdate(key, stored with { Status = status, UpdatedAt = time.GetUtcNow() }, stored))
        {
        }

        return Task.CompletedTask;
    }
}

/// <summary>Remembers handled (conversation, activity) pairs for a day, at most <see cref="Capacity"/> of them.</summary>
internal sealed class InMemoryActivityDeduplicator(TimeProvider time) : IActivityDeduplicator
{
    internal const int Capacity = 100_000;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _seen = new();

    public Task ForgetAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        _seen.TryRemove((conversationId, activityId), out _);
        return Task.CompletedTask;
    }

    public Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_seen.Count >= Capacity)
        {
            foreach (var (key, at) in _seen)
            {
                if (now - at > Retention)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return Task.FromResult(_seen.TryAdd((conversationId, activityId), now));
    }
}

/// <summary>Invoke answers kept briefly so a redelivered invoke gets the same answer without running again.</summary>
internal sealed class InvokeResponseCache(TimeProvider time)
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string, string), (InvokeResponse Response, DateTimeOffset At)> _responses = new();

    public void Set(string conversationId, string activityId, InvokeResponse response)
    {
        var now = time.GetUtcNow();
        if (_responses.Count >= Capacity)
        {
            foreach (var (key, entry) in _responses)
            {
                if (now - entry.At > Retention || _responses.Count >= Capacity)
                {
                    _responses.TryRemove(key, out _);
                }
            }
        }

        _responses[(conversationId, activityId)] = (response, now);
    }

    public InvokeResponse? Get(string conversationId, string activityId) =>
        _responses.TryGetValue((conversationId, activityId), out var entry) && time.GetUtcNow() - entry.At <= Retention
            ? entry.Response
            : null;
}
