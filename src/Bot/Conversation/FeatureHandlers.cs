using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Protocol;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;

namespace ExpertBot.Bot.Conversation;

/// <summary>
/// A feature (requests to the GI, reminders) that takes over the reply for an intent the knowledge core
/// recognised. Register with <c>services.AddSingleton&lt;IIntentHandler, …&gt;()</c>; one per intent.
/// </summary>
internal interface IIntentHandler
{
    Intent Intent { get; }

    /// <summary>
    /// The card to answer with, or null to leave the chat's own card. The answer carries the understanding (and any
    /// personal-data findings).
    /// </summary>
    Task<JsonObject?> HandleAsync(ITurnContext turn, Answer answer, CancellationToken cancellationToken);
}

/// <summary>
/// A feature's card buttons. The verbs must also be known to <see cref="CardVerbs"/> (with their required fields).
/// Checked before the chat's own verbs, so a feature can take over e.g. <c>request.open</c>.
/// </summary>
internal interface ICardVerbHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>The card that replaces the one with the button (invoke) or is sent as a new message (submit).</summary>
    Task<JsonObject> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken);
}

/// <summary>
/// A feature's typed commands ("aanvragen", "koppel dit kanaal aan …") that the knowledge core does not know.
/// Asked, in registration order, before the text goes to the knowledge core.
/// </summary>
internal interface IMessageCommandHandler
{
    /// <summary>The card to answer with, or null when the text is not this feature's command.</summary>
    Task<JsonObject?> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken);
}
