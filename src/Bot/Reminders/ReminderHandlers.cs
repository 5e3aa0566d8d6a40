using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
using ExpertBot.Knowledge.Reminders;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Reminders;

/// <summary>
/// The chat side of reminders: a message with intent <c>reminder</c> sets one (or asks back, or lists them), and the
/// reminder buttons (set, list, move, done, snooze, cancel). A button answers with the card that replaces the one it
/// was on; for the Action.Submit fallback the original message is also updated in place.
/// </summary>
internal sealed partial class ReminderHandlers(ReminderService service, ConversationStateAccessor states, ILogger<ReminderHandlers> logger)
    : IIntentHandler, ICardVerbHandler
{
    /// <summary>How long a typed date still answers the bot's question for one.</summary>
    internal static readonly TimeSpan AskBackLifetime = TimeSpan.FromHours(24);

    public Intent Intent => Intent.Reminder;

    public IReadOnlyCollection<string> Verbs { get; } =
        [ReminderVerbs.Set, ReminderVerbs.List, ReminderVerbs.Move, ReminderVerbs.Done, ReminderVerbs.Snooze, ReminderVerbs.Cancel];

    public async Task<JsonObject?> HandleAsync(ITurnContext turn, Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answer);
        var lang = answer.Language;
        var text = turn.Activity.StripBotMention();
        var owner = Owner(turn.Activity);
        try
        {
            if (ListRequest().IsMatch(text))
            {
                return await ListAsync(owner, lang, cancellationToken);
            }

            switch (ReminderDateReader.Read(text, service.Today(), lang, service.Policy.Holidays))
            {
                case ReminderParse.Understood understood:
                    await states.DeleteAsync(AskBackKey(turn.Activity), cancellationToken);
                    return await CreateAsync(owner, understood.Schedule, understood.CaseReference, understood.Subject, lang, cancellationToken);
                case ReminderParse.NeedsClarification ask:
                    Log.ReminderClarification(logger, ask.Reason.ToString());
                    var subject = Redact(ask.Subject);
                    await states.SaveAsync(AskBackKey(turn.Activity), new ReminderAskBack(ask.CaseReference, subject, service.Now()), cancellationToken);
                    return ReminderCards.Clarify(ask.Reason, ask.Suggestions, ask.CaseReference, subject, lang);
                default:
                    return await ListAsync(owner, lang, cancellationToken);
            }
        }
        catch (StorageUnavailableException)
        {
            Log.StoreUnavailable(logger, "reminder message");
            return Unavailable(lang);
        }
    }

    /// <summary>
    /// A message the knowledge core could not place, read as the answer to the bot's question for a date ("over 6
    /// weken", "15 januari") when it asked one in this conversation within <see cref="AskBackLifetime"/>. Null when the
    /// text holds no date, nothing was asked, or it holds personal data (the chat's own card then says so).
    /// </summary>
    public async Task<JsonObject?> AnswerAskBackAsync(ITurnContext turn, Answer answer, CancellationToken cancellationToken)
    {
        if (answer.Pii.Count > 0)
        {
            return null;
        }

        var lang = answer.Language;
        // Parsing first: most such messages hold no date, and then no store read is needed.
        var parse = ReminderDateReader.ReadAnswer(turn.Activity.StripBotMention(), service.Today(), lang, service.Policy.Holidays);
        if (parse is ReminderParse.NotAReminder)
        {
            return null;
        }

        var key = AskBackKey(turn.Activity);
        var asked = await states.LoadAsync<ReminderAskBack>(key, cancellationToken);
        if (asked is null || service.Now() - asked.AskedAt > AskBackLifetime)
        {
            return null;
        }

        try
        {
            switch (parse)
            {
                case ReminderParse.Understood understood:
                    // What the reminder is about comes from the question; the answer only gives the date.
                    var card = await CreateAsync(Owner(turn.Activity), understood.Schedule, asked.CaseReference, asked.Subject, lang, cancellationToken);
                    await states.DeleteAsync(key, cancellationToken);
                    return card;
                case ReminderParse.NeedsClarification ask:
                    Log.ReminderClarification(logger, ask.Reason.ToString());
                    return ReminderCards.Clarify(ask.Reason, ask.Suggestions, asked.CaseReference, asked.Subject, lang);
                default:
                    return null;
            }
        }
        catch (StorageUnavailableException)
        {
            Log.StoreUnavailable(logger, "reminder answer");
            return Unavailable(lang);
        }
    }

    public async Task<JsonObject> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var lang = turn.Activity.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Lang.En : Lang.Nl;
        var owner = Owner(turn.Activity);
        JsonObject card;
        try
        {
            card = await HandleVerbAsync(action, owner, lang, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            Log.StoreUnavailable(logger, action.Verb);
            return Unavailable(lang);
        }

        // Action.Submit fallback: no invoke response can replace the card, so update the message it came from.
        if (turn.Activity.Type == ActivityTypes.Message && turn.Activity.ReplyToId is { Length: > 0 } replyTo
            && action.Verb is ReminderVerbs.Done or ReminderVerbs.Snooze or ReminderVerbs.Move or ReminderVerbs.Cancel)
        {
            var result = await turn.UpdateAsync(replyTo, new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
            if (!result.IsSent)
            {
                Log.UpdateInPlaceFailed(logger, replyTo, result.GetType().Name);
            }
        }

        return card;
    }

    private async Task<JsonObject> HandleVerbAsync(CardAction action, ReminderOwner owner, Lang lang, CancellationToken cancellationToken)
    {
        var en = lang == Lang.En;
        var id = action.Get(ReminderData.ReminderId) ?? "";
        switch (action.Verb)
        {
            case ReminderVerbs.List:
                return await ListAsync(owner, lang, cancellationToken);
            case ReminderVerbs.Set:
                return await SetFromCardAsync(action, owner, lang, cancellationToken);
            case ReminderVerbs.Move:
            {
                var date = ParseDate(action.Get(action.Get(ReminderData.DateField) ?? ReminderData.Date) ?? action.Get(ReminderData.Date));
                if (date is null || date < service.Today())
                {
                    return ReminderCards.Status(en ? "Choose a date from today on, then press Move." : "Kies eerst een datum vanaf vandaag en druk dan op Verplaatsen.", null, lang, attention: true);
                }

                var moved = await service.MoveAsync(id, owner.OwnerId, date.Value, cancellationToken);
                return moved is null
                    ? Refused(action.Verb, id, lang)
                    : ReminderCards.Status((en ? "Moved to " : "Verplaatst naar ") + ReminderCards.DateText(date.Value, en), ReminderCards.What(ReminderScheduler.View(moved), en), lang);
            }

            case ReminderVerbs.Done:
            {
                var done = await service.DoneAsync(id, owner.OwnerId, ParseDate(action.Get(ReminderData.Occurrence)), cancellationToken);
                if (done is not { } outcome)
                {
                    return Refused(action.Verb, id, lang);
                }

                var what = ReminderCards.What(ReminderScheduler.View(outcome.Reminder), en);
                return ReminderCards.Status("✅ " + (en ? "Done: " : "Afgerond: ") + what,
                    outcome.Next is { } next ? (en ? "Next time: " : "Volgende keer: ") + ReminderCards.DateText(next, en) : null, lang);
            }

            case ReminderVerbs.Snooze:
            {
                var snoozed = await service.SnoozeAsync(id, owner.OwnerId, ParseDate(action.Get(ReminderData.Occurrence)), cancellationToken);
                if (snoozed is not { } outcome)
                {
                    return Refused(action.Verb, id, lang);
                }

                var local = service.Policy.ToLocal(outcome.At);
                return ReminderCards.Status(
                    (en ? "I'll remind you again on " : "Ik herinner je opnieuw op ") + ReminderCards.DateText(DateOnly.FromDateTime(local.DateTime), en)
                        + (en ? " at " : " om ") + local.ToString("HH:mm", CultureInfo.InvariantCulture),
                    ReminderCards.What(ReminderScheduler.View(outcome.Reminder), en), lang);
            }

            default:
            {
                var cancelled = await service.CancelAsync(id, owner.OwnerId, cancellationToken);
                return cancelled is null
                    ? Refused(action.Verb, id, lang)
                    : ReminderCards.Status(en ? "Reminder cancelled" : "Herinnering geannuleerd", ReminderCards.What(ReminderScheduler.View(cancelled), en), lang);
            }
        }
    }

    private async Task<JsonObject> SetFromCardAsync(CardAction action, ReminderOwner owner, Lang lang, CancellationToken cancellationToken)
    {
        var caseReference = action.Get(ReminderData.CaseReference);
        var subject = Redact(action.Get(ReminderData.Subject));
        var date = ParseDate(action.Get(ReminderData.Date));
        if (date is null)
        {
            return ReminderCards.Clarify(ClarificationReason.NoDate, [], caseReference, subject, lang);
        }

        if (date < service.Today())
        {
            return ReminderCards.Clarify(ClarificationReason.DateInPast, [], caseReference, subject, lang);
        }

        var time = TimeOnly.TryParseExact(action.Get(ReminderData.Time), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : Schedule.DefaultTime;
        Interval? every = int.TryParse(action.Get(ReminderData.EveryCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            && Enum.TryParse<IntervalUnit>(action.Get(ReminderData.EveryUnit), out var unit)
            ? new Interval(count, unit)
            : null;
        var until = every is null ? null : ParseDate(action.Get(ReminderData.Until));
        return await CreateAsync(owner, new Schedule(date.Value, time, every, until), caseReference, subject, lang, cancellationToken);
    }

    private async Task<JsonObject> CreateAsync(ReminderOwner owner, Schedule schedule, string? caseReference, string? subject, Lang lang, CancellationToken cancellationToken)
    {
        var (reminder, nudges) = await service.CreateAsync(owner with { Locale = lang == Lang.En ? "en" : "nl" }, schedule, caseReference, subject, cancellationToken);
        return ReminderCards.Confirmation(ReminderScheduler.View(reminder), [.. nudges.Select(n => n.DueAt)], service.Policy.TimeZone, lang);
    }

    private async Task<JsonObject> ListAsync(ReminderOwner owner, Lang lang, CancellationToken cancellationToken)
    {
        var reminders = await service.Store.ListActiveAsync(owner.OwnerId, ReminderCards.MaxListItems + 1, cancellationToken);
        return ReminderCards.List([.. reminders.Select(ReminderScheduler.View)], lang);
    }

    private JsonObject Refused(string verb, string id, Lang lang)
    {
        Log.ReminderActionRefused(logger, verb, id);
        return ReminderCards.Status(lang == Lang.En ? "I don't know this reminder (anymore)." : "Deze herinnering ken ik niet (meer).", null, lang, attention: true);
    }

    private static JsonObject Unavailable(Lang lang) => AnswerCards.Error(lang, lang == Lang.En
        ? "Reminders are unavailable for a moment. Please try again in a minute."
        : "Herinneringen zijn even niet beschikbaar. Probeer het over een minuut opnieuw.");

    private static ReminderOwner Owner(Activity activity) => new(
        activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown",
        activity.ChannelId ?? "msteams",
        activity.Conversation?.Id,
        activity.Locale);

    /// <summary>Per user: in a group chat, one person's date doesn't answer another's question.</summary>
    private static string AskBackKey(Activity activity) => ConversationStateAccessor.Key(activity, "reminder-askback");

    private static string? Redact(string? text) => string.IsNullOrWhiteSpace(text) ? null : PrivacyGuard.Redact(text);

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Input.Date gives yyyy-MM-dd; some clients add a time.
        var part = text.Length >= 10 ? text[..10] : text;
        return DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    [GeneratedRegex(@"^\s*((toon|laat|bekijk|show|list)\s+)?((mijn|al\s+mijn|alle|my|all(\s+my)?)\s+)?(herinneringen|reminders)(\s+(zien|tonen|bekijken))?\s*[?.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ListRequest();
}

/// <summary>A reminder the bot asked a date for: what it is about (redacted), and when it asked.</summary>
internal sealed record ReminderAskBack(string? CaseReference, string? Subject, DateTimeOffset AskedAt);

/// <summary>Offers the reminders feature the messages the knowledge core could not place (a typed date after an ask-back).</summary>
internal sealed class ReminderAskBackAnswers(ReminderHandlers reminders) : IIntentHandler
{
    public Intent Intent => Intent.Unknown;

    public Task<JsonObject?> HandleAsync(ITurnContext turn, Answer answer, CancellationToken cancellationToken) =>
        reminders.AnswerAskBackAsync(turn, answer, cancellationToken);
}
