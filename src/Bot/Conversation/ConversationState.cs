using System.Text.Json;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace ExpertBot.Bot.Conversation;

/// <summary>
/// A route decision in progress: what is known so far and which follow-up questions were asked. Stored per answer
/// that asked a follow-up, so each follow-up card continues its own decision, also after newer questions. Only
/// knowledge ids, never message text or personal data.
/// </summary>
internal sealed class RouteDecision
{
    public Dictionary<string, bool> Signals { get; set; } = [];
    public List<string> AskedFollowUps { get; set; } = [];
}

/// <summary>That the welcome card was sent to a conversation (installs arrive as two activities).</summary>
internal sealed record WelcomeMark(DateTimeOffset At);

/// <summary>An answer the bot gave: its id, the message that carried it, and what it was about.</summary>
internal sealed record AnswerRecord(string AnswerId, string? ActivityId, string Intent, string? RouteId);

/// <summary>
/// Reads and writes small per-conversation documents (<see cref="RouteDecision"/>, <see cref="WelcomeMark"/>, a
/// reminder's ask-back) as
/// JSON; storage trouble degrades to "no memory", never a failed turn.
/// </summary>
internal sealed class ConversationStateAccessor(IConversationStateStore store, ILogger<ConversationStateAccessor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The key of a document for this conversation, per user unless <paramref name="perUser"/> is false (so in a group
    /// chat one person's decision or question isn't another's), with a suffix naming the document.
    /// </summary>
    public static string Key(Activity activity, string suffix, bool perUser = true) =>
        $"{activity.ChannelId}|{activity.Conversation?.Id}" + (perUser ? $"|{activity.From?.AadObjectId ?? activity.From?.Id}" : "") + "|" + suffix;

    public async Task<T?> LoadAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var json = await store.GetAsync(key, cancellationToken);
            return json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (Exception e) when (e is StorageUnavailableException or JsonException)
        {
            Log.StateUnavailable(logger, e.GetType().Name);
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            Log.StateUnavailable(logger, e.GetType().Name);
        }
    }

    public async Task SaveAsync<T>(string key, T state, CancellationToken cancellationToken)
    {
        try
        {
            await store.SetAsync(key, JsonSerializer.Serialize(state, Json), cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            Log.StateUnavailable(logger, e.GetType().Name);
        }
    }
}

/// <summary>
/// The answers this instance sent lately, by the id of the message that carried them, so a Teams reaction (which
/// names only that message) counts as feedback on the answer. Kept in memory on purpose: it saves a database
/// write on every answer; a reaction that reaches another instance, or comes after a restart or after
/// <see cref="Capacity"/> newer answers, is not counted. Feedback buttons carry what they rate and never need it.
/// </summary>
internal sealed class RecentAnswers : IDisposable
{
    /// <summary>
    /// About three hours of a large region's answers (~10 a minute) on one instance: reactions come while the answer is
    /// read. Larger costs the host under load (entries outlive gen-0 and are promoted: measured in bench/Bot.LoadBench).
    /// </summary>
    public const int Capacity = 2_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Message ids are unique within a conversation only, hence the conversation in the key.</summary>
    public void Remember(string conversationId, AnswerRecord answer)
    {
        if (answer.ActivityId is { } activityId)
        {
            _cache.Set((conversationId, activityId), answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
    }

    public AnswerRecord? Find(string conversationId, string activityId) =>
        _cache.TryGetValue((conversationId, activityId), out AnswerRecord? answer) ? answer : null;

    public void Dispose() => _cache.Dispose();
}
