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
            return InvokeResponse.AdaptiveCardMessage(LanguageOf(turn.Activity) == Lang.En ? "Thanks for your feedback!" : "Dank je voor je feedback!");
        }

        var reply = await HandleActionAsync(turn, action, cancellationToken);
        if (reply.State is not null)
        {
            await states.SaveAsync(reply.StateKey!, reply.State, cancellationToken);
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
        if (vote == 0 || turn.Activity.ReplyToId is not { } replyTo)
        {
            return;
        }

        var state = await states.LoadAsync(StateKey(turn.Activity), cancellationToken);
        if (state.Find(replyTo) is { } answer)
        {
            await StoreFeedbackAsync(turn.Activity, answer, vote, cancellationToken);
        }
    }

    private async Task WelcomeOnceAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var key = StateKey(turn.Activity, perUser: false) + "|welcome";
        var state = await states.LoadAsync(key, cancellationToken);
        if (state.Answers.Any(a => a.Intent == "welcome"))
        {
            return;
        }

        var result = await turn.ReplyAsync(AnswerCards.Welcome(LanguageOf(turn.Activity)), cancellationToken);
        if (result.IsSent)
        {
            state.Remember(new AnswerRecord("welcome", (result as SendResult.Sent)?.ActivityId, "welcome", null));
            await states.SaveAsync(key, state, cancellationToken);
            Log.Welcomed(logger, turn.Activity.Conversation?.ConversationType);
        }
    }

    private async Task<Reply> HandleActionAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        Log.CardAction(logger, action.Verb);
        var lang = LanguageOf(turn.Activity);
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
                var key = StateKey(turn.Activity);
                var state = await states.LoadAsync(key, cancellationToken);
                var experts = answerer.ExpertsForRoute(action.RouteId ?? "", Today(), lang, state.Municipality);
                var record = new AnswerRecord(NewAnswerId(), null, experts.Intent.Code(), null);
                state.Remember(record);
                return new Reply(AnswerCards.For(experts, record.AnswerId), key, state, record);
            case CardVerbs.Feedback:
                var vote = action.Vote is > 0 ? 1 : -1;
                var feedbackState = await states.LoadAsync(StateKey(turn.Activity), cancellationToken);
                var rated = action.AnswerId is { } id ? feedbackState.Find(id) : null;
                await StoreFeedbackAsync(turn.Activity, rated ?? new AnswerRecord(action.AnswerId ?? "unknown", null, "unknown", null), vote, cancellationToken);
                return Reply.Plain(AnswerCards.FeedbackThanks(lang));
            case CardVerbs.RequestOpen:
                // Requests to the GI are not built yet: say so honestly and point to the expert pool.
                var answer = answerer.Ask(new Question(lang == Lang.En ? "ask the gi for advice request form" : "adviesaanvraag aan de gi", Today(), lang));
                return Reply.Plain(AnswerCards.For(answer, NewAnswerId()));
            default:
                Log.UnknownCardAction(logger, action.Verb);
                return Reply.Plain(AnswerCards.Error(lang, UnknownActionText(lang)));
        }
    }

    private async Task<Reply> ContinueRouteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var key = StateKey(turn.Activity);
        var state = await states.LoadAsync(key, cancellationToken);
        var followUpId = action.FollowUpId;
        var choice = answerer.Knowledge.FollowUps.FirstOrDefault(f => f.Id == followUpId)?.Choices.FirstOrDefault(c => c.Value == action.Value);
        if (followUpId is null || choice is null)
        {
            Log.UnknownCardAction(logger, action.Verb);
            var lang = LanguageOf(turn.Activity);
            return Reply.Plain(AnswerCards.Error(lang, UnknownActionText(lang)));
        }

        foreach (var (signal, value) in choice.Sets)
        {
            state.Signals[signal] = value;
        }

        if (!state.AskedFollowUps.Contains(followUpId))
        {
            state.AskedFollowUps.Add(followUpId);
        }

        var answer = answerer.Ask(new Question("", Today(), LanguageOf(turn.Activity), state.Signals, state.AskedFollowUps.ToHashSet()));
        return Finish(key, state, answer, Stopwatch.GetTimestamp());
    }

    /// <summary>A typed question starts a new route decision; follow-up buttons continue one (<see cref="ContinueRouteAsync"/>).</summary>
    private async Task<Reply> AnswerAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var key = StateKey(turn.Activity);
        var state = await states.LoadAsync(key, cancellationToken);
        state.ClearRouteDecision();

        var question = new Question(text, Today(), LocaleOf(turn.Activity));
        // An invoke (a card button) is answered inline within Teams' 5 s, too tight for a model round trip on top.
        var answering = turn.Activity.Type == ActivityTypes.Invoke
            ? Task.Run(() => answerer.Ask(question), cancellationToken)
            : Task.Run(async () => (await assistant.AnswerAsync(question, cancellationToken)).Answer, cancellationToken);
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (await Task.WhenAny(answering, Task.Delay(TypingDelay, time, typing.Token)) != answering)
            {
                await turn.TypingAsync(cancellationToken);
            }

            // The usual case: answered in well under the delay, so its timer is released at once.
            await typing.CancelAsync();
        }

        var answer = await answering;
        if (answer.Understanding.Municipality is { } municipality)
        {
            state.Municipality = municipality.Name;
        }

        var reply = Finish(key, state, answer, started);
        return _intentHandlers.TryGetValue(answer.Intent, out var feature)
            ? reply with { Card = await feature.HandleAsync(turn, answer, cancellationToken) }
            : reply;
    }

    /// <summary>Updates the state for the answer; the caller saves it once, after sending.</summary>
    private Reply Finish(string key, ConversationState state, Answer answer, long started)
    {
        var answerId = NewAnswerId();
        if (answer.FollowUp is not null)
        {
            state.Signals = new Dictionary<string, bool>(answer.Signals);
        }
        else
        {
            state.ClearRouteDecision();
        }

        var record = new AnswerRecord(answerId, null, answer.Intent.Code(), answer.Route?.Route.Id);
        state.Remember(record);
        Log.Answered(logger, record.Intent, record.RouteId, answer.Experts.Recommended.Count, answer.FollowUp?.Id, answer.Pii.Count,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Reply(AnswerCards.For(answer, answerId), key, state, record);
    }

    /// <summary>Sends the reply, then saves the turn's state once, with the id of the message that carried the answer.</summary>
    private async Task SendAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        var result = await turn.ReplyAsync(reply.Card, cancellationToken);
        if (!result.IsSent)
        {
            Log.NotDelivered(logger, result.GetType().Name);
        }

        if (reply.State is null)
        {
            return;
        }

        if (result is SendResult.Sent { ActivityId: { } activityId } && reply.Record is { } record)
        {
            // So a 👍 reaction on that message counts as feedback on the answer.
            reply.State.Remember(record with { ActivityId = activityId });
        }

        await states.SaveAsync(reply.StateKey!, reply.State, cancellationToken);
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

    /// <summary>A card to send, and the state to save afterwards (if the turn changed it).</summary>
    private sealed record Reply(JsonObject Card, string? StateKey, ConversationState? State, AnswerRecord? Record)
    {
        public static Reply Plain(JsonObject card) => new(card, null, null, null);
    }

    private DateOnly Today() => Clock.TodayInNetherlands(time);

    private static string NewAnswerId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Route decisions are per user, also in group chats, so two people don't answer each other's follow-ups.</summary>
    private static string StateKey(Activity activity, bool perUser = true) =>
        $"{activity.ChannelId}|{activity.Conversation?.Id}" + (perUser ? $"|{activity.From?.AadObjectId ?? activity.From?.Id}" : "");

    private static Lang? LocaleOf(Activity activity) =>
        activity.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Lang.En : null;

    private static Lang LanguageOf(Activity activity) => LocaleOf(activity) ?? Lang.Nl;

    private static string UnknownActionText(Lang lang) => lang == Lang.En
        ? "Sorry, I don't recognise that button (it may belong to an older version of me). Ask your question again in the chat."
        : "Sorry, die knop ken ik niet (misschien hoort hij bij een oudere versie van mij). Stel je vraag gerust opnieuw in de chat.";
}
