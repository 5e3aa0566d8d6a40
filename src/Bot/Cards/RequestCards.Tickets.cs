using System.Globalization;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Requests;
using ExpertBot.Knowledge.Requests;
using static ExpertBot.Bot.Cards.CardElements;

namespace ExpertBot.Bot.Cards;

/// <summary>The GI's side: the ticket in the expert pool channel, and a bundle of tickets during a burst.</summary>
internal static partial class RequestCards
{
    /// <summary>Longest text of one ticket in a bundle (picking it up shows the full text in its own message).</summary>
    public const int BundledText = 200;

    /// <summary>The ticket in the GI channel, updated in place for everyone on every change.</summary>
    public static JsonObject Ticket(StoredRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = request.Form;
        List<JsonNode> body =
        [
            Columns(
            [
                Column([Heading($"Adviesaanvraag {request.Reference}")]),
                Column([Text(StatusText(request, english: false), weight: "Bolder", color: StatusColor(request.Status))], width: "auto"),
            ]),
            Facts(
            [
                ("Gemeente", form.Municipality),
                ("Team", form.Team ?? "—"),
                ("Soort", form.Kind.Label()),
                ("Casus", form.CaseReference),
                ("Zorg over veiligheid", form.Safety.Label()),
                ("Reden", form.Reason.Label()),
                ("Ouders op de hoogte", form.ParentsInformed.Label()),
                ("Gewenste termijn", form.DesiredTerm ?? "—"),
                ("Evaluatiedatum", form.EvaluationDate?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) ?? "—"),
                ("Contactvoorkeur", form.Contact.Label()),
                ("Aangevraagd door", request.Owner.Name ?? "casemanager"),
            ]),
            Text("Situatie", weight: "Bolder"),
            Text(form.Situation),
            Text("Gevraagde bijdrage", weight: "Bolder"),
            Text(form.DesiredContribution),
        ];
        if (form.Tried is { } tried)
        {
            body.Add(Text("Al geprobeerd", weight: "Bolder"));
            body.Add(Text(tried));
        }

        var hidden = Math.Max(0, request.AddedInformation.Count - MaxAdditionsShown);
        if (hidden > 0)
        {
            body.Add(Text(hidden == 1 ? "1 eerdere aanvulling is niet meer getoond." : $"{hidden} eerdere aanvullingen zijn niet meer getoond.", subtle: true));
        }

        foreach (var added in request.AddedInformation.Skip(hidden))
        {
            body.Add(Text("Aanvulling van de casemanager", weight: "Bolder"));
            body.Add(Text(added, max: MaxUserText));
        }

        if (request.Outcome is { } outcome)
        {
            body.Add(Text(request.Status == RequestStatus.Afgerond ? "Advies / afgesproken bijdrage" : "Toelichting", weight: "Bolder"));
            body.Add(Text(outcome, max: MaxUserText));
        }

        List<JsonNode> actions = [];
        var id = Data((CardData.RequestId, request.Id));
        switch (request.Status)
        {
            case RequestStatus.Nieuw:
                actions.Add(Execute("Oppakken", CardVerbs.RequestPickUp, id));
                actions.Add(ReturnAction(request.Id));
                break;
            case RequestStatus.Opgepakt or RequestStatus.InBehandeling:
                actions.Add(ShowCard("Reageren",
                    [TextInput(CardData.Message + "-respond", "Bericht aan de casemanager (geen namen of BSN)", null, 2000, multiline: true, required: true)],
                    Execute("Versturen", CardVerbs.RequestRespond, Data((CardData.RequestId, request.Id)))));
                actions.Add(ShowCard("Afronden",
                    [TextInput(CardData.Message + "-finish", "Advies of afgesproken bijdrage", null, 2000, multiline: true, required: true)],
                    Execute("Afronden", CardVerbs.RequestFinish, Data((CardData.RequestId, request.Id)))));
                actions.Add(ReturnAction(request.Id));
                break;
        }

        return Card(body, actions);
    }

    /// <summary>
    /// Several new tickets in one channel message, posted when more tickets wait for a channel than Teams' limits
    /// let through at once, so none waits long. Each can be picked up on its own; a ticket that is picked up
    /// continues in a message of its own (full text, all buttons, returning included) and stays here as one line.
    /// </summary>
    public static JsonObject TicketBundle(IReadOnlyList<StoredRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var waiting = requests.Count(r => r.Status is RequestStatus.Nieuw);
        List<JsonNode> body =
        [
            Heading($"{requests.Count} adviesaanvragen"),
            Text(waiting == 0
                ? "Alle aanvragen uit dit bericht zijn opgepakt of afgesloten."
                : $"{waiting} nog niet opgepakt. Wie een aanvraag oppakt, krijgt hem in een eigen bericht met de volledige tekst.", subtle: true),
        ];
        body.AddRange(requests.Select(BundleEntry));
        return Card(body);
    }

    private static JsonObject BundleEntry(StoredRequest request)
    {
        var status = Text(StatusText(request, english: false), weight: "Bolder", color: StatusColor(request.Status));
        // Rendered for the first post too, before the bundle's message id is stored: then nothing has moved yet.
        var moved = request.MovedOutOfBundle;
        if (moved || request.PickedUpBy is not null)
        {
            // Moved (or moving) to its own message: one line here.
            return Container(
            [
                Columns([Column([Text($"{request.Reference} · {request.Form.Municipality}")]), Column([status], width: "auto")]),
                Text(moved ? "Verder in een eigen bericht." : "Komt in een eigen bericht.", subtle: true, spacing: "None"),
            ], separator: true, spacing: "Medium");
        }

        var form = request.Form;
        List<JsonNode> items =
        [
            Columns([Column([Text($"{request.Reference} · {form.Municipality} · casus {form.CaseReference}", weight: "Bolder")]), Column([status], width: "auto")]),
            Text($"{form.Kind.Label()} · zorg over veiligheid: {form.Safety.Label().ToLowerInvariant()} · {form.Reason.Label().ToLowerInvariant()} · {request.Owner.Name ?? "casemanager"}", subtle: true, spacing: "None"),
            Text(form.Situation, max: BundledText, spacing: "Small"),
        ];
        if (request.AddedInformation.Count > 0)
        {
            items.Add(Text(request.AddedInformation.Count == 1 ? "1 aanvulling (zie na oppakken)" : $"{request.AddedInformation.Count} aanvullingen (zie na oppakken)", subtle: true, spacing: "None"));
        }

        if (request.Status is RequestStatus.Nieuw)
        {
            // One button keeps 40 tickets in one message; after picking up, the ticket's own message has all of them.
            items.Add(ActionSet([Execute("Oppakken", CardVerbs.RequestPickUp, Data((CardData.RequestId, request.Id)))]));
        }

        return Container(items, separator: true, spacing: "Medium");
    }
}
