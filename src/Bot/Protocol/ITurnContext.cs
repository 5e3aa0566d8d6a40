using System.Text.Json.Nodes;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// A handler's only I/O surface for one turn. Every send goes through the connector client, so pacing,
/// retries, the host allowlist and the 403/404 bookkeeping apply to handlers without them knowing.
/// </summary>
internal interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Where this conversation can be reached later; null if the activity lacks the ids for one.</summary>
    ConversationReference? ConversationReference { get; }

    /// <summary>Services of this turn's scope.</summary>
    IServiceProvider Services { get; }

    /// <summary>Sends into the conversation; missing from/recipient/conversation are filled in.</summary>
    Task<SendResult> SendAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replies to the incoming activity with text.</summary>
    Task<SendResult> ReplyAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Replies to the incoming activity with one Adaptive Card.</summary>
    Task<SendResult> ReplyAsync(JsonNode adaptiveCard, CancellationToken cancellationToken = default);

    /// <summary>Replaces an earlier bot activity (e.g. the card a submit came from: <c>Activity.ReplyToId</c>).</summary>
    Task<SendResult> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<SendResult> DeleteAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Sends a typing indicator (the spec asks for at most one per ~3 s).</summary>
    Task<SendResult> TypingAsync(CancellationToken cancellationToken = default);
}

internal sealed class TurnContext(
    Activity activity,
    ConversationReference? reference,
    ConnectorClient connector,
    IServiceProvider services) : ITurnContext
{
    public Activity Activity { get; } = activity;
    public ConversationReference? ConversationReference { get; } = reference;
    public IServiceProvider Services { get; } = services;

    public Task<SendResult> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ConversationReference is not { } reference)
        {
            return Task.FromResult<SendResult>(new SendResult.Refused("The incoming activity has no conversation reference."));
        }

        var outgoing = activity.ApplyReference(reference);
        return outgoing.ReplyToId is { Length: > 0 } replyToId
            ? connector.ReplyAsync(reference, replyToId, outgoing, cancellationToken)
            : connector.SendAsync(reference, outgoing, cancellationToken);
    }

    public Task<SendResult> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateReply(text), cancellationToken);

    public Task<SendResult> ReplyAsync(JsonNode adaptiveCard, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateCardReply(adaptiveCard), cancellationToken);

    public Task<SendResult> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        if (ConversationReference is not { } reference)
        {
            return Task.FromResult<SendResult>(new SendResult.Refused("The incoming activity has no conversation reference."));
        }

        var outgoing = activity.ApplyReference(reference) with { Type = activity.Type ?? ActivityTypes.Message };
        return connector.UpdateAsync(reference, activityId, outgoing, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return ConversationReference is { } reference
            ? connector.DeleteAsync(reference, activityId, cancellationToken)
            : Task.FromResult<SendResult>(new SendResult.Refused("The incoming activity has no conversation reference."));
    }

    public Task<SendResult> TypingAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
}
