using System.Globalization;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Requests;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Requests;
using static ExpertBot.Bot.Cards.CardElements;

namespace ExpertBot.Bot.Cards;

/// <summary>
/// Cards of requests to the GI: the form (also with errors next to the fields), the casemanager's
/// confirmation and status cards, the ticket in the expert pool channel, the list and short notices.
/// Pure: values in, JSON out. The ticket carries no personal data: the form passed the privacy guard and the
/// client is known only by the casemanager's pseudonymous case reference.
/// </summary>
internal static partial class RequestCards
{
    /// <summary>Longest text a person typed that a card shows in full (messages, advice, additions: 2,000 by default).</summary>
    public const int MaxUserText = 2000;

    /// <summary>
    /// Most additions a ticket shows (the newest) and most requests a list shows: with every field at its maximum a
    /// card stays under ~20 KB, far below what Teams accepts for a bot message (100 KB, 80 KB recommended).
    /// </summary>
    public const int MaxAdditionsShown = 5;

    public const int MaxListed = 20;

    /// <summary>The values a form shows (prefill or what was submitted) and, after a failed submit, the errors per field.</summary>
    public sealed record FormState(string FormId, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<FieldError> Errors)
    {
        public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;
    }

    public static JsonObject Form(Lang lang, FormState state, IReadOnlyList<string> municipalities, RequestRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var en = lang == Lang.En;
        List<JsonNode> body =
        [
            Heading(en ? "Ask the GI for advice or consultation" : "Advies of consultatie vragen aan de GI"),
            Text(en
                ? "The request goes to the GI's expert pool. Never use names or a BSN: refer to the client with your own case number."
                : "De aanvraag gaat naar de expertpool van de GI. Gebruik nooit namen of een BSN: noem de cliënt alleen met je eigen casusnummer.",
                subtle: true),
        ];
        if (state.Errors.Count > 0)
        {
            body.Add(Text(en ? $"Please check {state.Errors.Count} field(s) below." : $"Controleer {state.Errors.Count} veld(en) hieronder.",
                weight: "Bolder", color: "Attention"));
        }

        void Field(string field, JsonObject input)
        {
            body.Add(input);
            foreach (var error in state.Errors.Where(e => e.Field == field))
            {
                body.Add(Text("⚠ " + error.For(en), color: "Attention", spacing: "None", size: "Small", id: "error-" + field));
            }
        }

        Field(RequestFields.Municipality, Choice(RequestFields.Municipality, en ? "Municipality" : "Gemeente", state.Value(RequestFields.Municipality),
            municipalities.Select(m => (m, m)), required: true, compact: true, en));
        Field(RequestFields.Team, TextInput(RequestFields.Team, en ? "Team (optional)" : "Team (optioneel)", state.Value(RequestFields.Team), 100, multiline: false));
        Field(RequestFields.Kind, Choice(RequestFields.Kind, en ? "Kind of request" : "Soort aanvraag", state.Value(RequestFields.Kind) ?? RequestKind.WeetIkNiet.Code(),
            RequestCodes.Kinds.Select(k => (k.Label(en), k.Code())), required: false, compact: true, en));
        Field(RequestFields.CaseReference, TextInput(RequestFields.CaseReference, en ? "Case reference (pseudonym, no name or BSN)" : "Casusnummer (pseudoniem, geen naam of BSN)",
            state.Value(RequestFields.CaseReference), rules.MaxCaseReference, multiline: false, required: true, placeholder: "WIJ-2026-0412"));
        Field(RequestFields.Situation, TextInput(RequestFields.Situation, en ? $"Situation, briefly (max {rules.MaxSituation})" : $"Situatie in het kort (max {rules.MaxSituation})",
            state.Value(RequestFields.Situation), rules.MaxSituation, multiline: true, required: true));
        Field(RequestFields.Safety, Choice(RequestFields.Safety, en ? "Concern about safety" : "Zorg over de veiligheid", state.Value(RequestFields.Safety),
            RequestCodes.SafetyConcerns.Select(s => (s.Label(en), s.Code())), required: true, compact: false, en));
        Field(RequestFields.Tried, TextInput(RequestFields.Tried, en ? "What has been tried" : "Wat is al geprobeerd", state.Value(RequestFields.Tried), rules.MaxTried, multiline: true));
        Field(RequestFields.DesiredContribution, TextInput(RequestFields.DesiredContribution,
            en ? "Desired contribution of the GI (partial result)" : "Gewenste bijdrage van de GI (deelresultaat)",
            state.Value(RequestFields.DesiredContribution), rules.MaxContribution, multiline: true, required: true));
        Field(RequestFields.DesiredTerm, TextInput(RequestFields.DesiredTerm, en ? "Desired term" : "Gewenste termijn", state.Value(RequestFields.DesiredTerm), rules.MaxTerm, multiline: false,
            placeholder: en ? "e.g. within 4 weeks" : "bijv. binnen 4 weken"));
        var date = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = RequestFields.EvaluationDate,
            ["label"] = en ? "Evaluation date" : "Evaluatiedatum",
            ["min"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (state.Value(RequestFields.EvaluationDate) is { Length: > 0 } dateValue)
        {
            date["value"] = dateValue;
        }

        Field(RequestFields.EvaluationDate, date);
        Field(RequestFields.ParentsInformed, Choice(RequestFields.ParentsInformed, en ? "Parents informed" : "Ouders op de hoogte", state.Value(RequestFields.ParentsInformed),
            RequestCodes.ParentsInformedValues.Select(p => (p.Label(en), p.Code())), required: true, compact: false, en));
        Field(RequestFields.Reason, Choice(RequestFields.Reason, en ? "Why the GI" : "Reden om de GI in te schakelen", state.Value(RequestFields.Reason),
            RequestCodes.Reasons.Select(r => (r.Label(en), r.Code())), required: true, compact: true, en));
        Field(RequestFields.Contact, Choice(RequestFields.Contact, en ? "Contact preference" : "Contactvoorkeur", state.Value(RequestFields.Contact) ?? ContactPreference.TeamsChat.Code(),
            RequestCodes.ContactPreferences.Select(c => (c.Label(en), c.Code())), required: false, compact: true, en));

        // The form's language travels with it, so the answer to the submit (and the later notices) stay in it.
        var data = Data((CardData.FormId, state.FormId), (CardData.RouteId, state.Value(CardData.RouteId)), (CardData.Topic, state.Value(CardData.Topic)),
            (CardData.Lang, en ? "en" : "nl"));
        return Card(body, [Execute(en ? "Send request" : "Aanvraag versturen", CardVerbs.RequestSubmit, data)]);
    }

    /// <summary>The casemanager's card for a request: confirmation after submit, and the new card after every change.</summary>
    public static JsonObject Status(Lang lang, StoredRequest request, string? headline = null, string? message = null, string? queuedNote = null, Knowledge.Loading.Route? acute = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = lang == Lang.En;
        List<JsonNode> body = [];
        if (acute is not null)
        {
            body.Add(Container(
            [
                Heading(en ? "Acute: act now" : "Acuut: handel nu", size: "Medium"),
                Text(acute.Summary.For(lang)),
                Text(acute.NextStep.For(lang), weight: "Bolder"),
            ], style: "attention"));
        }

        body.Add(Heading(headline ?? (en ? "Request received" : "Aanvraag ontvangen")));
        body.Add(Facts(
        [
            (en ? "Request" : "Aanvraag", request.Reference),
            (en ? "Status" : "Status", StatusText(request, en)),
            (en ? "Case" : "Casus", request.Form.CaseReference),
            (en ? "Municipality" : "Gemeente", request.Form.Municipality),
            (en ? "Kind" : "Soort", request.Form.Kind.Label(en)),
        ]));
        if (message is { Length: > 0 })
        {
            body.Add(Container([Text(message, max: MaxUserText)], style: "emphasis"));
        }

        if (queuedNote is not null)
        {
            body.Add(Text(queuedNote, color: "Warning"));
        }

        List<JsonNode> actions = [];
        if (request.Status.IsOpen())
        {
            var id = Data((CardData.RequestId, request.Id));
            actions.Add(ShowCard(en ? "Add information" : "Informatie toevoegen",
            [
                TextInput(CardData.Message + "-add", en ? "Additional information (no names or BSN)" : "Aanvullende informatie (geen namen of BSN)", null, 2000, multiline: true, required: true),
            ], Execute(en ? "Add" : "Toevoegen", CardVerbs.RequestAddInformation, id)));
            actions.Add(ShowCard(en ? "Withdraw" : "Intrekken",
            [
                Text(en ? "Withdraw this request? The GI is told." : "Deze aanvraag intrekken? De GI krijgt dat te zien."),
            ], Execute(en ? "Yes, withdraw" : "Ja, intrekken", CardVerbs.RequestWithdraw, Data((CardData.RequestId, request.Id)))));
        }

        return Card(body, actions);
    }

    public static JsonObject List(Lang lang, IReadOnlyList<StoredRequest> requests)
    {
        var en = lang == Lang.En;
        List<JsonNode> body = [Heading(en ? "Your open requests to the GI" : "Je openstaande aanvragen bij de GI")];
        if (requests.Count == 0)
        {
            body.Add(Text(en ? "You have no open requests." : "Je hebt geen openstaande aanvragen."));
        }

        foreach (var request in requests.Take(MaxListed))
        {
            body.Add(Container(
            [
                Text($"{request.Reference} · {request.Form.CaseReference} · {request.Form.Municipality}", weight: "Bolder"),
                Text(StatusText(request, en), subtle: true, spacing: "None"),
            ], separator: true));
        }

        if (requests.Count > MaxListed)
        {
            var more = requests.Count - MaxListed;
            body.Add(Text(en ? $"… and {more} more (the newest are shown)." : $"… en nog {more} (de nieuwste staan hierboven).", subtle: true));
        }

        return Card(body, [Execute(en ? "New request" : "Nieuwe aanvraag", CardVerbs.RequestOpen, new JsonObject())]);
    }

    /// <summary>A short message: a refusal, a confirmation of a channel link, a hint.</summary>
    public static JsonObject Notice(string title, string text, string? color = null) =>
        Card([Heading(title, size: "Default"), Text(text, color: color)]);

    public static string StatusText(StoredRequest request, bool english) => request.Status switch
    {
        RequestStatus.Opgepakt or RequestStatus.InBehandeling when request.PickedUpBy is { } who =>
            $"{RequestLifecycle.Label(request.Status, english)} ({(english ? "by" : "door")} {who})",
        _ => RequestLifecycle.Label(request.Status, english),
    };

    private static string? StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Nieuw => "Attention",
        RequestStatus.Opgepakt or RequestStatus.InBehandeling => "Accent",
        RequestStatus.Afgerond => "Good",
        _ => null,
    };

    private static JsonObject ReturnAction(string requestId) => ShowCard("Teruggeven",
        [TextInput(CardData.Message + "-return", "Toelichting voor het basisteam (optioneel)", null, 2000, multiline: true)],
        Execute("Teruggeven aan basisteam", CardVerbs.RequestReturn, Data((CardData.RequestId, requestId))));

    private static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = Clip(f.Value, 300) })]),
    };

    private static JsonObject ShowCard(string title, IEnumerable<JsonNode> body, JsonObject action) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray([.. body]),
            ["actions"] = new JsonArray(action),
        },
    };

    private static JsonObject TextInput(string id, string label, string? value, int maxLength, bool multiline, bool required = false, string? placeholder = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["maxLength"] = maxLength };
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = "Verplicht / required";
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (value is { Length: > 0 })
        {
            input["value"] = value;
        }

        return input;
    }

    private static JsonObject Choice(string id, string label, string? value, IEnumerable<(string Title, string Value)> choices, bool required, bool compact, bool english)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = compact ? "compact" : "expanded",
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = english ? "Required" : "Verplicht";
        }

        if (value is { Length: > 0 })
        {
            input["value"] = value;
        }

        return input;
    }
}
