using System.Diagnostics;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Cli;
using ExpertBot.Bot.LanguageModel;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Conversation;

/// <summary>
/// The chat: a message goes to the knowledge core and comes back as a card; card buttons continue a route
/// decision, show experts, take feedback. Thin by design: read the activity, ask Knowledge, build a card, send.
/// </summary>
internal sealed class ChatHandlers(
    Answerer answerer,
    IAnswerAssistant assistant,
    ConversationStateAccessor states,
    RecentAnswers recentAnswers,
    IFeedbackStore feedback,
    IEnumerable<IIntentHandler> intentHandlers,
    IEnumerable<ICardVerbHandler> verbHandlers,
    IEnumerable<IMessageCommandHandler> commandHandlers,
    TimeProvider time,
    ILogger<ChatHandlers> logger)
{
    private readonly Dictionary<Intent, IIntentHandler> _intentHandlers = intentHandlers.ToDictionary(h => h.Intent);
    private readonly Dictionary<string, ICardVerbHandler> _verbHandlers =
        verbHandlers.SelectMany(h => h.Verbs.Select(v => (Verb: v, Handler: h))).ToDictionary(x => x.Verb, x => x.Handler, StringComparer.Ordinal);

    /// <summary>After this long without an answer the user sees "typing…".</summary>
    private static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(700);

    public async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // An Action.Submit arrives as a message whose value is the card data.
        if (turn.Activity.Value is JsonObject && CardVerbs.TryRead(turn.Activity.Value, out var submitted))
        {
            await SendAsync(turn, await HandleActionAsync(turn, submitted, cancellationToken), cancellationToken);
            return;
        }

        if (turn.Activity.Value is not null && string.IsNullOrWhiteSpace(turn.Activity.Text))
        {
            Log.UnknownCardAction(logger, null);
            await SendAsync(turn, Reply.Plain(AnswerCards.Error(LanguageOf(turn.Activity), UnknownActionText(LanguageOf(turn.Activity)))), cancellationToken);
            return;
        }

        var text = turn.Activity.StripBotMention();
        if (string.IsNullOrWhiteSpace(text))
        {
            await SendAsync(turn, Reply.Plain(AnswerCards.Help(LanguageOf(turn.Activity))), cancellationToken);
            return;
        }

        // Features' own commands first (see IMessageCommandHandler); the knowledge core does not know them.
        foreach (var command in commandHandlers)
        {
            if (await command.TryHandleAsync(turn, text, cancellationToken) is { } commandCard)
            {
                await SendAsync(turn, Reply.Plain(commandCard), cancellationToken);
                return;
            }
        }

        var reply = await AnswerAsync(turn, text, cancellationToken);
        await SendAsync(turn, reply, cancellationToken);
    }

    public async Task<InvokeResponse> OnCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!CardVerbs.TryRead(turn.Activity.Value, out var action))
        {
            Log.UnknownCardAction(logger, (turn.Activity.Value as JsonObject)?["action"]?["verb"]?.GetValue<string>());
            return InvokeResponse.AdaptiveCardMessage(UnknownActionText(LanguageOf(turn.Activity)));
        }

        if (action.Verb == CardVerbs.Feedback)
        {
            // Keep the answer card in place; the thank-you is a short status message.
            await HandleActionAsync(turn, action, cancellationToken);
            return InvokeResponse.AdaptiveCardMessage(CardText.For(LanguageOf(turn.Activity, action)).ThanksTitle);
        }

        var reply = await HandleActionAsync(turn, action, cancellationToken);
        if (reply.Decision is not null)
        {
            await states.SaveAsync(reply.DecisionKey!, reply.Decision, cancellationToken);
        }

        return InvokeResponse.AdaptiveCard(reply.Card);
    }

    public async Task OnMembersAddedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) ?? false;
        var installed = activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "add" or "add-upgrade";
        if ((botAdded || installed) && activity.Conversation?.ConversationType is null or "personal")
        {
            await WelcomeOnceAsync(turn, cancellationToken);
        }
    }

    public async Task OnReactionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var vote = turn.Activity.ReactionsAdded?.Select(r => r.Type).FirstOrDefault() switch
        {
            "like" or "heart" or "laugh" => 1,
            "sad" or "angry" => -1,
            _ => 0,
        };
        if (vote == 0 || turn.Activity.ReplyToId is not { } replyTo || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        if (recentAnswers.Find(conversationId, replyTo) is { } answer)
        {
            await StoreFeedbackAsync(turn.Activity, answer, vote, cancellationToken);
        }
    }

    private async Task WelcomeOnceAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var key = ConversationStateAccessor.Key(turn.Activity, "welcome", perUser: false);
        if (await states.LoadAsync<WelcomeMark>(key, cancellationToken) is not null)
        {
            return;
        }

        var result = await turn.ReplyAsync(AnswerCards.Welcome(LanguageOf(turn.Activity)), cancellationToken);
        if (result.IsSent)
        {
            await states.SaveAsync(key, new WelcomeMark(time.GetUtcNow()), cancellationToken);
            Log.Welcomed(logger, turn.Activity.Conversation?.ConversationType);
        }
    }

    private async Task<Reply> HandleActionAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        Log.CardAction(logger, action.Verb);
        var lang = LanguageOf(turn.Activity, action);
        if (_verbHandlers.TryGetValue(action.Verb, out var feature))
        {
            return Reply.Plain(await feature.HandleAsync(turn, action, cancellationToken));
        }

        switch (action.Verb)
        {
            case CardVerbs.FollowUpChoose:
                return await ContinueRouteAsync(turn, action, cancellationToken);
            case CardVerbs.Ask when action.Text is { Length: > 0 } question:
                return await AnswerAsync(turn, question, cancellationToken);
            case CardVerbs.ExpertsShow:
                var experts = answerer.ExpertsForRoute(action.RouteId ?? "", Today(), lang, action.Municipality);
                var record = new AnswerRecord(NewAnswerId(), null, experts.Intent.Code(), null);
                return new Reply(AnswerCards.For(experts, record.AnswerId), null, null, record);
            case CardVerbs.Feedback:
                // The button carries what it rates; cards from before it did count as "unknown".
                var rated = new AnswerRecord(action.AnswerId!, null, action.Intent ?? "unknown", action.RouteId);
                await StoreFeedbackAsync(turn.Activity, rated, action.Vote is > 0 ? 1 : -1, cancellationToken);
                return Reply.Plain(AnswerCards.FeedbackThanks(lang));
            case CardVerbs.RequestOpen:
                // Only without the Requests feature (a host with the chat alone): point to the expert pool instead.
                var answer = answerer.Ask(new Question(lang == Lang.En ? "ask the gi for advice request form" : "adviesaanvraag aan de gi", Today(), lang));
                return Reply.Plain(AnswerCards.For(answer, NewAnswerId()));
            default:
                Log.UnknownCardAction(logger, action.Verb);
                return Reply.Plain(AnswerCards.Error(lang, UnknownActionText(lang)));
        }
    }

    private async Task<Reply> ContinueRouteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var followUpId = action.FollowUpId;
        var choice = answerer.Knowledge.FollowUps.FirstOrDefault(f => f.Id == followUpId)?.Choices.FirstOrDefault(c => c.Value == action.Value);
        if (followUpId is null || choice is null)
        {
            Log.UnknownCardAction(logger, action.Verb);
            var lang = LanguageOf(turn.Activity, action);
            return Reply.Plain(AnswerCards.Error(lang, UnknownActionText(lang)));
        }

        // The decision of the card whose button this is; an expired or unknown one starts from this choice alone.
        var decision = action.AnswerId is { } askedIn
            ? await states.LoadAsync<RouteDecision>(DecisionKey(turn.Activity, askedIn), cancellationToken) ?? new RouteDecision()
            : new RouteDecision();
        foreach (var (signal, value) in choice.Sets)
        {
            decision.Signals[signal] = value;
        }

        if (!decision.AskedFollowUps.Contains(followUpId))
        {
            decision.AskedFollowUps.Add(followUpId);
        }

        var answer = answerer.Ask(new Question("", Today(), LanguageOf(turn.Activity, action), decision.Signals, decision.AskedFollowUps.ToHashSet()));
        return Finish(turn.Activity, decision.AskedFollowUps, answer, Stopwatch.GetTimestamp());
    }

    /// <summary>A typed question starts a new route decision; follow-up buttons continue one (<see cref="ContinueRouteAsync"/>).</summary>
    private async Task<Reply> AnswerAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var question = new Question(text, Today(), LocaleOf(turn.Activity));
        // An invoke (a card button) is answered inline within Teams' 5 s, too tight for a model round trip on top.
        // The knowledge core answers synchronously; only a model call leaves the task running.
        var answering = turn.Activity.Type == ActivityTypes.Invoke
            ? Task.FromResult(new AssistedAnswer(answerer.Ask(question), AssistReport.Skipped))
            : assistant.AnswerAsync(question, cancellationToken);
        if (!answering.IsCompleted)
        {
            using var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (await Task.WhenAny(answering, Task.Delay(TypingDelay, time, typing.Token)) != answering)
            {
                await turn.TypingAsync(cancellationToken);
            }

            // Usually answered before the delay, so its timer is released at once.
            await typing.CancelAsync();
        }

        var answer = (await answering).Answer;
        var reply = Finish(turn.Activity, [], answer, started);
        return _intentHandlers.TryGetValue(answer.Intent, out var feature) && await feature.HandleAsync(turn, answer, cancellationToken) is { } card
            ? reply with { Card = card }
            : reply;
    }

    /// <summary>
    /// The card for an answer, and the decision to store when it asks a follow-up (saved once, before sending).
    /// Nothing is stored otherwise: the card's buttons carry what they need.
    /// </summary>
    private Reply Finish(Activity activity, List<string> askedFollowUps, Answer answer, long started)
    {
        var answerId = NewAnswerId();
        var record = new AnswerRecord(answerId, null, answer.Intent.Code(), answer.Route?.Route.Id);
        Log.Answered(logger, record.Intent, record.RouteId, answer.Experts.Recommended.Count, answer.FollowUp?.Id, answer.Pii.Count,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var decision = answer.FollowUp is null
            ? null
            : new RouteDecision { Signals = new Dictionary<string, bool>(answer.Signals), AskedFollowUps = askedFollowUps };
        return new Reply(AnswerCards.For(answer, answerId), decision is null ? null : DecisionKey(activity, answerId), decision, record);
    }

    /// <summary>Stores the reply's decision (if it asks a follow-up), sends it, and remembers the message for reactions.</summary>
    private async Task SendAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        // Before sending, so a quick button press on the card finds its decision.
        if (reply.Decision is not null)
        {
            await states.SaveAsync(reply.DecisionKey!, reply.Decision, cancellationToken);
        }

        var result = await turn.ReplyAsync(reply.Card, cancellationToken);
        if (!result.IsSent)
        {
            Log.NotDelivered(logger, result.GetType().Name);
        }

        if (result is SendResult.Sent { ActivityId: { } activityId } && reply.Record is { } record && turn.Activity.Conversation?.Id is { } conversationId)
        {
            // So a 👍 reaction on that message counts as feedback on the answer.
            recentAnswers.Remember(conversationId, record with { ActivityId = activityId });
        }
    }

    private async Task StoreFeedbackAsync(Activity activity, AnswerRecord answer, int vote, CancellationToken cancellationToken)
    {
        Log.Feedback(logger, vote, answer.Intent, answer.RouteId);
        try
        {
            await feedback.AddAsync(
                new FeedbackRecord(answer.AnswerId, vote, answer.Intent, answer.RouteId, activity.Conversation?.ConversationType, time.GetUtcNow()),
                cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            Log.FeedbackNotStored(logger, e.GetType().Name);
        }
    }

    /// <summary>A card to send, the route decision to store with it (if it asks a follow-up), and what it answered.</summary>
    private sealed record Reply(JsonObject Card, string? DecisionKey, RouteDecision? Decision, AnswerRecord? Record)
    {
        public static Reply Plain(JsonObject card) => new(card, null, null, null);
    }

    private DateOnly Today() => Clock.TodayInNetherlands(time);

    private static string NewAnswerId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A follow-up card's decision, per user: in a group chat only the one who asked continues it.</summary>
    private static string DecisionKey(Activity activity, string answerId) => ConversationStateAccessor.Key(activity, answerId);

    private static Lang? LocaleOf(Activity activity) =>
        activity.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Lang.En : null;

    private static Lang LanguageOf(Activity activity) => LocaleOf(activity) ?? Lang.Nl;

    private static Lang LanguageOf(Activity activity, CardAction action) => action.Language ?? LanguageOf(activity);

    private static string UnknownActionText(Lang lang) => lang == Lang.En
        ? "Sorry, I don't recognise that button (it may belong to an older version of me). Ask your question again in the chat."
        : "Sorry, die knop ken ik niet (misschien hoort hij bij een oudere versie van mij). Stel je vraag gerust opnieuw in de chat.";
}
