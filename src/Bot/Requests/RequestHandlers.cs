using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Cli;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Requests;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Requests;

/// <summary>
/// The chat side of requests: the form (intent "request", the route card's button, "aanvraag"), submit with
/// server-side validation, the casemanager's add/withdraw, the ticket buttons in the GI channel, "aanvragen"
/// and "koppel dit kanaal aan …".
/// </summary>
internal sealed partial class RequestHandlers(
    RequestService service,
    IRequestStore store,
    Answerer answerer,
    Storage.IConversationReferenceStore references,
    RequestDispatchSignal signal,
    IOptions<RequestsOptions> options,
    TimeProvider time,
    ILogger<RequestHandlers> logger) : IIntentHandler, ICardVerbHandler, IMessageCommandHandler
{
    public Intent Intent => Intent.Request;

    public IReadOnlyCollection<string> Verbs { get; } =
    [
        CardVerbs.RequestOpen, CardVerbs.RequestSubmit, CardVerbs.RequestAddInformation, CardVerbs.RequestWithdraw,
        CardVerbs.RequestPickUp, CardVerbs.RequestRespond, CardVerbs.RequestFinish, CardVerbs.RequestReturn,
    ];

    private RequestRules Rules => new()
    {
        Municipalities = [.. answerer.Knowledge.Municipalities.Select(m => m.Name)],
        MaxSituation = options.Value.MaxSituationLength,
        MaxTried = options.Value.MaxTriedLength,
        MaxContribution = options.Value.MaxContributionLength,
        MaxMessage = options.Value.MaxMessageLength,
    };

    public Task<JsonObject?> HandleAsync(ITurnContext turn, Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var topic = answer.Understanding.Topics.FirstOrDefault();
        return Task.FromResult<JsonObject?>(NewForm(answer.Language, answer.Route?.Route.Id, answer.Understanding.Municipality?.Name, topic));
    }

    public async Task<JsonObject?> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var command = text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant();
        switch (command)
        {
            // The command's own words say the language.
            case "aanvraag" or "nieuwe aanvraag":
                return NewForm(Knowledge.Loading.Lang.Nl, null, null, null);
            case "request" or "new request":
                return NewForm(Knowledge.Loading.Lang.En, null, null, null);
            case "aanvragen" or "mijn aanvragen" or "requests" or "my requests":
                var listLang = command.StartsWith("aanvragen", StringComparison.Ordinal) || command.StartsWith("mijn", StringComparison.Ordinal)
                    ? Knowledge.Loading.Lang.Nl
                    : Knowledge.Loading.Lang.En;
                return RequestCards.List(listLang, await service.ListOpenAsync(OwnerId(turn.Activity), cancellationToken));
        }

        var link = LinkCommand().Match(text.Trim());
        return link.Success
            ? await LinkChannelAsync(turn, link.Groups["list"].Value, english: !link.Value.Contains("koppel", StringComparison.OrdinalIgnoreCase), cancellationToken)
            : null;
    }

    public async Task<JsonObject> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var lang = Lang(turn, action);
        var en = lang == Knowledge.Loading.Lang.En;
        switch (action.Verb)
        {
            case CardVerbs.RequestOpen:
                return NewForm(lang, action.RouteId, action.Municipality, action.Topic);
            case CardVerbs.RequestSubmit:
                return await SubmitAsync(turn, action, cancellationToken);
        }

        var requestId = action.Get(CardData.RequestId)!;
        // Each text box on a card has its own id (message-add, message-respond, …); a card holds at most one of them per action.
        // In a bundle of tickets every ticket has its own boxes (ids end with the request id): prefer this one's.
        var message = action.Data.Select(p => p.Key).Where(k => k.StartsWith(CardData.Message, StringComparison.Ordinal))
            .OrderByDescending(k => k.EndsWith("-" + requestId, StringComparison.Ordinal))
            .Select(action.Get).FirstOrDefault(v => v is not null)?.Trim();
        var (transition, role) = action.Verb switch
        {
            CardVerbs.RequestAddInformation => (RequestTransition.AddInformation, RequestRole.Casemanager),
            CardVerbs.RequestWithdraw => (RequestTransition.Withdraw, RequestRole.Casemanager),
            CardVerbs.RequestPickUp => (RequestTransition.PickUp, RequestRole.Gi),
            CardVerbs.RequestRespond => (RequestTransition.Respond, RequestRole.Gi),
            CardVerbs.RequestFinish => (RequestTransition.Finish, RequestRole.Gi),
            _ => (RequestTransition.ReturnToTeam, RequestRole.Gi),
        };

        var needsText = transition is RequestTransition.AddInformation or RequestTransition.Respond or RequestTransition.Finish;
        if ((needsText || message is not null) && RequestValidator.CheckMessage(CardData.Message, message, options.Value.MaxMessageLength) is { } problem)
        {
            return RequestCards.Notice(en ? "Not sent" : "Niet verstuurd", problem.For(en), "Attention");
        }

        var actor = new RequestActor(OwnerId(turn.Activity), turn.Activity.From?.Name, role, turn.Activity.Conversation?.Id ?? "");
        var result = await service.ActAsync(requestId, transition, actor, message, cancellationToken);
        if (!result.Ok)
        {
            return RequestCards.Notice(en ? "That is not possible" : "Dat kan niet", result.Refusal(en)!);
        }

        var request = result.Request!;
        if (role == RequestRole.Gi)
        {
            // An invoke's answer replaces the card for everyone; the Submit fallback's answer is a new message, so keep that short.
            return turn.Activity.IsInvoke()
                ? await service.TicketCardAsync(request, cancellationToken)
                : RequestCards.Notice($"{request.Reference}: {RequestCards.StatusText(request, english: false)}", "De kaart van de aanvraag is bijgewerkt.");
        }

        var headline = transition == RequestTransition.Withdraw
            ? (en ? "Request withdrawn" : "Aanvraag ingetrokken")
            : (en ? "Information added" : "Informatie toegevoegd");
        return RequestCards.Status(lang, request, headline);
    }

    private async Task<JsonObject> SubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var lang = Lang(turn, action);
        var en = lang == Knowledge.Loading.Lang.En;
        var formId = action.Get(CardData.FormId)!;
        var values = RequestFields.All.ToDictionary(f => f, f => action.Get(f), StringComparer.Ordinal);
        values[CardData.RouteId] = action.RouteId;
        values[CardData.Topic] = action.Topic;
        var today = Clock.TodayInNetherlands(time);
        var rules = Rules;
        var validation = RequestValidator.Validate(values, rules, today);
        if (!validation.IsValid)
        {
            Log.FormRejected(logger, validation.Errors.Count, string.Join(",", validation.Errors.Select(e => e.Field).Distinct()));
            return RequestCards.Form(lang, new RequestCards.FormState(formId, values, validation.Errors), Municipalities(), rules, today);
        }

        var form = validation.Form! with { RouteId = action.RouteId, Topic = action.Topic };
        // Later notices to the casemanager follow the form's language.
        var owner = new RequestOwner(OwnerId(turn.Activity), turn.Activity.From?.Name, turn.Activity.ChannelId ?? "msteams",
            turn.Activity.Conversation?.Id ?? "", en ? "en" : "nl");
        var submitted = await service.SubmitAsync(owner, formId, form, cancellationToken);
        var queued = submitted.Target?.Reference is null && submitted.Request.TicketActivityId is null
            ? (en
                ? "No expert pool channel is reachable for this municipality yet. Your request is saved and waits in the queue; you get a message as soon as the GI has it."
                : "Voor deze gemeente is nog geen expertpoolkanaal bereikbaar. Je aanvraag is bewaard en staat in de wachtrij; je krijgt bericht zodra de GI hem heeft.")
            : null;
        var acute = form.Safety == SafetyConcern.Acute ? answerer.Knowledge.RoutesById.GetValueOrDefault("acuut") : null;
        return RequestCards.Status(lang, submitted.Request,
            submitted.Created ? null : (en ? "Request already received" : "Aanvraag was al ontvangen"),
            string.Join(" ", submitted.Notes.Prepend(en ? "You get a new card here for every change." : "Je krijgt hier een nieuwe kaart bij elke wijziging.")),
            queued, acute);
    }

    private async Task<JsonObject> LinkChannelAsync(ITurnContext turn, string list, bool english, CancellationToken cancellationToken)
    {
        var en = english;
        if (turn.Activity.Conversation?.ConversationType != "channel" || turn.ConversationReference is not { } reference)
        {
            return RequestCards.Notice(en ? "Only in a channel" : "Alleen in een kanaal",
                en ? "Link a team channel: mention me in the expert pool channel with \"link this channel to Oldambt, Pekela\"."
                   : "Koppel een teamkanaal: noem mij in het expertpoolkanaal met \"koppel dit kanaal aan Oldambt, Pekela\".");
        }

        if (options.Value.ChannelAdmins is { Count: > 0 } admins && !admins.Contains(OwnerId(turn.Activity), StringComparer.OrdinalIgnoreCase))
        {
            // Linking decides where case information goes; when the operator named who may do it, nobody else can.
            Log.ChannelLinkRefused(logger);
            return RequestCards.Notice(en ? "Not linked" : "Niet gekoppeld",
                en ? "Only the expert pool's coordinators can link a channel. Ask one of them, or your administrator."
                   : "Alleen de coördinatoren van de expertpool kunnen een kanaal koppelen. Vraag het een van hen, of je beheerder.", "Attention");
        }

        var known = answerer.Knowledge.Municipalities;
        Municipality? Find(string name) => known.FirstOrDefault(m =>
            string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) || m.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        // Commas always separate; "en"/"and" only where the words around it are not one name ("Aa en Hunze").
        var names = ListSeparators().Split(list).Select(Clean).Where(n => n.Length > 0).SelectMany(part => SplitWords(part, n => Find(n) is not null)).ToList();
        var matched = names.Select(n => (Name: n, Municipality: Find(n))).ToList();
        var unknown = matched.Where(m => m.Municipality is null).Select(m => m.Name).ToList();
        if (names.Count == 0 || unknown.Count > 0)
        {
            return RequestCards.Notice(en ? "Not linked" : "Niet gekoppeld",
                en ? $"I don't know these municipalities: {string.Join(", ", unknown)}. Nothing was linked."
                   : $"Deze gemeenten ken ik niet: {string.Join(", ", unknown)}. Er is niets gekoppeld.", "Attention");
        }

        // Tickets are posted to the channel itself, not into the thread the command came from.
        var channel = RequestRouting.BaseConversationId(reference.ConversationId);
        if (channel != reference.ConversationId)
        {
            await references.UpsertAsync(reference with { ConversationId = channel }, cancellationToken);
        }

        var now = time.GetUtcNow();
        var municipalities = matched.Select(m => m.Municipality!.Name).Distinct().ToList();
        await store.LinkChannelAsync([.. municipalities.Select(m => new ChannelLink(m, reference.ChannelId, channel, OwnerId(turn.Activity), now))], cancellationToken);
        await store.WakeQueuedAsync(now, cancellationToken);
        signal.Signal();
        Log.ChannelLinked(logger, municipalities.Count);
        return RequestCards.Notice(en ? "Channel linked" : "Kanaal gekoppeld",
            en ? $"Requests for {string.Join(", ", municipalities)} now arrive in this channel."
               : $"Aanvragen voor {string.Join(", ", municipalities)} komen nu in dit kanaal binnen.", "Good");
    }

    private JsonObject NewForm(Lang lang, string? routeId, string? municipality, string? topic)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RequestFields.Municipality] = municipality,
            [RequestFields.Kind] = RequestCodes.KindFromRoute(routeId)?.Code(),
            [CardData.RouteId] = routeId,
            [CardData.Topic] = topic,
        };
        var today = Clock.TodayInNetherlands(time);
        return RequestCards.Form(lang, new RequestCards.FormState(Guid.NewGuid().ToString("N"), values, []), Municipalities(), Rules, today);
    }

    private List<string> Municipalities() => [.. answerer.Knowledge.Municipalities.Select(m => m.Name).Order(StringComparer.Ordinal)];

    private static string OwnerId(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";

    private static Lang Lang(ITurnContext turn) =>
        turn.Activity.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Knowledge.Loading.Lang.En : Knowledge.Loading.Lang.Nl;

    private static Lang Lang(ITurnContext turn, CardAction action) => action.Language ?? Lang(turn);

    [GeneratedRegex(@"^(?:<at>[^<]*</at>\s*)?(?:@?ExpertBot\s+)?(?:koppel\s+(?:dit\s+)?kanaal\s+aan|link\s+(?:this\s+)?channel\s+to)\s*:?\s+(?<list>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex LinkCommand();

    private static string Clean(string name) => name.Trim().Trim('.', '"');

    /// <summary>"Oldambt en Aa en Hunze" → Oldambt, Aa en Hunze: the longest run of words joined by "en" that is a name wins.</summary>
    internal static IEnumerable<string> SplitWords(string part, Func<string, bool> isName)
    {
        var words = WordSeparators().Split(part).Select(Clean).Where(n => n.Length > 0).ToList();
        for (var i = 0; i < words.Count;)
        {
            var take = 1;
            for (var j = words.Count; j > i + 1; j--)
            {
                if (isName(string.Join(" en ", words[i..j])) || isName(string.Join(" and ", words[i..j])))
                {
                    take = j - i;
                    break;
                }
            }

            yield return take == 1 ? words[i] : string.Join(" en ", words[i..(i + take)]);
            i += take;
        }
    }

    [GeneratedRegex(@"\s*[,;]\s*", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"\s+(?:en|and)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex WordSeparators();
}
