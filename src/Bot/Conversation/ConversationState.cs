using System.Text.Json;
using ExpertBot.Bot.Storage;

namespace ExpertBot.Bot.Conversation;

/// <summary>
/// What the bot remembers per conversation and user between turns: the route decision in progress and
/// which answers it gave (for feedback). Only ids, never message text or personal data.
/// </summary>
internal sealed class ConversationState
{
    private const int MaxAnswers = 20;

    public Dictionary<string, bool> Signals { get; set; } = [];
    public List<string> AskedFollowUps { get; set; } = [];
    public string? Municipality { get; set; }
    public List<AnswerRecord> Answers { get; set; } = [];

    public void Remember(AnswerRecord answer)
    {
        Answers.RemoveAll(a => a.AnswerId == answer.AnswerId);
        Answers.Add(answer);
        if (Answers.Count > MaxAnswers)
        {
            Answers.RemoveRange(0, Answers.Count - MaxAnswers);
        }
    }

    public AnswerRecord? Find(string answerOrActivityId) =>
        Answers.LastOrDefault(a => a.AnswerId == answerOrActivityId || a.ActivityId == answerOrActivityId);

    public void ClearRouteDecision()
    {
        Signals.Clear();
        AskedFollowUps.Clear();
    }
}

/// <summary>An answer the bot gave: its id, the message that carried it, and what it was about.</summary>
internal sealed record AnswerRecord(string AnswerId, string? ActivityId, string Intent, string? RouteId);

/// <summary>Reads and writes <see cref="ConversationState"/>; storage trouble degrades to "no memory", never a failed turn.</summary>
internal sealed class ConversationStateAccessor(IConversationStateStore store, ILogger<ConversationStateAccessor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ConversationState> LoadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var json = await store.GetAsync(key, cancellationToken);
            return json is null ? new ConversationState() : JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
        }
        catch (Exception e) when (e is StorageUnavailableException or JsonException)
        {
            Log.StateUnavailable(logger, e.GetType().Name);
            return new ConversationState();
        }
    }

    public async Task SaveAsync(string key, ConversationState state, CancellationToken cancellationToken)
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
