using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
using ExpertBot.Knowledge.Reminders;
using ExpertBot.Knowledge.Routes;

namespace ExpertBot.Bot.Cards;

/// <summary>
/// One sample of every card kind, built from the shipped knowledge, so the schema check
/// (tests/EndToEnd/validate-cards.sh) and the tests cover every card the bot can send.
/// </summary>
internal static class CardDump
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static IEnumerable<(string Name, JsonObject Card)> Samples() => Samples(KnowledgeLoader.LoadShipped());

    public static IEnumerable<(string Name, JsonObject Card)> Samples(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var answerer = new Answerer(knowledge);
        Answer Ask(string text, Lang? locale = null) => answerer.Ask(new Question(text, Today, locale));

        var routeQuestion = Ask("Welke route past als ouders niet meewerken?");
        foreach (var route in knowledge.Routes)
        {
            foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
            {
                var answer = WithRoute(routeQuestion, route, knowledge) with { Language = lang };
                yield return ($"route-{route.Id}.{Code(lang)}", AnswerCards.For(answer, $"sample-route-{route.Id}"));
            }
        }

        var experts = Ask("Wie kan ik vrijdag raadplegen over een vechtscheiding in Oldambt?");
        yield return ("experts.nl", AnswerCards.For(experts, "sample-experts"));
        yield return ("experts.en", AnswerCards.For(Ask("Who can I consult about domestic violence in Veendam on Friday?", Lang.En), "sample-experts-en"));
        yield return ("experts-voted.nl", AnswerCards.For(experts, "sample-experts", vote: 1));

        var none = experts with
        {
            Experts = new ExpertRanking([], experts.Experts.NotAcceptingRequests.Count > 0
                ? experts.Experts.NotAcceptingRequests
                : [.. experts.Experts.Recommended.Take(1).Select(e => e with { Expert = e.Expert with { AcceptsRequests = false } })]),
            IntakeContacts = [.. knowledge.Organisations.Where(o => o.Type is "gi" or "veilig-thuis").Take(3)],
        };
        yield return ("experts-none.nl", AnswerCards.For(none, "sample-experts-none"));
        yield return ("experts-none.en", AnswerCards.For(none with { Language = Lang.En }, "sample-experts-none"));
        yield return ("experts-none-no-intake.nl", AnswerCards.For(none with { IntakeContacts = [] }, "sample-experts-none"));

        var followUp = knowledge.FollowUps.OrderByDescending(f => f.Priority).First();
        var asking = routeQuestion with { Route = null, FollowUp = followUp };
        yield return ("followup.nl", AnswerCards.For(asking, "sample-followup"));
        yield return ("followup.en", AnswerCards.For(asking with { Language = Lang.En }, "sample-followup"));

        var pii = new PiiFinding[] { new(PiiKind.Bsn, 0, 9), new(PiiKind.PersonName, 12, 5) };
        yield return ("pii-route.nl", AnswerCards.For(WithRoute(routeQuestion, knowledge.Routes[0], knowledge) with { Pii = pii }, "sample-pii"));
        yield return ("pii-experts.en", AnswerCards.For(experts with { Language = Lang.En, Pii = pii }, "sample-pii"));
        yield return ("pii-followup.nl", AnswerCards.For(asking with { Pii = pii }, "sample-pii"));

        // With Azure OpenAI: a checked wording in place of the summary or intro (see Knowledge/Assist/PhrasingCheck).
        var phrased = new PhrasedAnswer("Omdat ouders elke medewerking weigeren en de onveiligheid blijft, past een verzoek tot onderzoek bij de Raad. Bespreek het eerst in het beschermingsoverleg.", [], []);
        yield return ("phrased-route.nl", AnswerCards.For(PhrasingCheck.Apply(WithRoute(routeQuestion, knowledge.Routes[0], knowledge), phrased), "sample-phrased"));
        yield return ("phrased-experts.nl", AnswerCards.For(PhrasingCheck.Apply(experts, phrased with { Text = "Voor een vechtscheiding in Oldambt is de eerste expert hieronder de beste keuze." }), "sample-phrased"));
        var article = Ask("Wat is het tarief van de GI?");
        yield return ("phrased-articles.nl", AnswerCards.For(PhrasingCheck.Apply(article, phrased with { Text = "De tarieven staan in de artikelen; de bronnen staan hieronder." }), "sample-phrased"));

        var help = Ask("help");
        yield return ("help-answer.nl", AnswerCards.For(help with { Intent = Intent.Help }, "sample-help"));
        yield return ("request.nl", AnswerCards.For(Ask("Ik wil een aanvraag doen bij de GI voor een casus in Groningen"), "sample-request"));
        yield return ("reminder.nl", AnswerCards.For(Recomposed(Ask("herinner me aan de evaluatie") with { Intent = Intent.Reminder, Route = null, FollowUp = null }), "sample-reminder"));
        var unknown = Ask("Wat is het weer morgen?") with { Intent = Intent.Unknown, Route = null, FollowUp = null };
        yield return ("unknown.nl", AnswerCards.For(Recomposed(unknown), "sample-unknown"));
        yield return ("unknown-pii.en", AnswerCards.For(Recomposed(unknown with { Language = Lang.En, Pii = pii }), "sample-unknown"));

        foreach (var sample in RequestSamples(knowledge).Concat(ReminderSamples()))
        {
            yield return sample;
        }

        foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
        {
            yield return ($"welcome.{Code(lang)}", AnswerCards.Welcome(lang));
            yield return ($"help.{Code(lang)}", AnswerCards.Help(lang));
            yield return ($"feedback-thanks.{Code(lang)}", AnswerCards.FeedbackThanks(lang));
            yield return ($"error.{Code(lang)}", AnswerCards.Error(lang, lang == Lang.En ? "The knowledge could not be loaded." : "De kennis kon niet worden geladen."));
        }
    }

    private static IEnumerable<(string Name, JsonObject Card)> RequestSamples(KnowledgeBase knowledge)
    {
        var municipalities = knowledge.Municipalities.Select(m => m.Name).ToList();
        var rules = new Knowledge.Requests.RequestRules { Municipalities = municipalities };
        var values = new Dictionary<string, string?>
        {
            [Knowledge.Requests.RequestFields.Municipality] = "Oldambt",
            [Knowledge.Requests.RequestFields.Kind] = "aansluiten-en-ondersteunen",
            [Knowledge.Requests.RequestFields.CaseReference] = "WIJ-2026-0412",
            [Knowledge.Requests.RequestFields.Situation] = "Ouders werken niet mee aan het veiligheidsplan; de hulp stagneert.",
            [Knowledge.Requests.RequestFields.Safety] = "serious",
            [Knowledge.Requests.RequestFields.DesiredContribution] = "Meedenken over het veiligheidsplan.",
            [Knowledge.Requests.RequestFields.ParentsInformed] = "yes",
            [Knowledge.Requests.RequestFields.Reason] = "stagnatie",
            [Knowledge.Requests.RequestFields.EvaluationDate] = "2026-12-21",
        };
        var empty = new RequestCards.FormState("sample-form", new Dictionary<string, string?>(), []);
        yield return ("request-form.nl", RequestCards.Form(Lang.Nl, empty, municipalities, rules, Today));
        yield return ("request-form.en", RequestCards.Form(Lang.En, empty, municipalities, rules, Today));
        var invalid = new Dictionary<string, string?>(values) { [Knowledge.Requests.RequestFields.CaseReference] = "Jan de Vries", [Knowledge.Requests.RequestFields.Situation] = "" };
        var errors = Knowledge.Requests.RequestValidator.Validate(invalid, rules, Today).Errors;
        yield return ("request-form-errors.nl", RequestCards.Form(Lang.Nl, new RequestCards.FormState("sample-form", invalid, errors), municipalities, rules, Today));

        var form = Knowledge.Requests.RequestValidator.Validate(values, rules, Today).Form!;
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var request = new Requests.StoredRequest
        {
            Id = "3f9a2c0000000000000000000000000a",
            IdempotencyKey = "sample",
            Owner = new Requests.RequestOwner("aad-sample", "Casemanager Sample", "msteams", "a:sample", "nl-NL"),
            Form = form,
            Status = Knowledge.Requests.RequestStatus.Nieuw,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        yield return ("request-confirmation.nl", RequestCards.Status(Lang.Nl, request, message: "Je krijgt hier een nieuwe kaart bij elke wijziging."));
        yield return ("request-confirmation-acute.en", RequestCards.Status(Lang.En, request with { Form = form with { Safety = Knowledge.Requests.SafetyConcern.Acute } },
            acute: knowledge.RoutesById.GetValueOrDefault("acuut"), queuedNote: "No expert pool channel is reachable yet."));
        var picked = request with { Status = Knowledge.Requests.RequestStatus.Opgepakt, PickedUpBy = "Marieke" };
        yield return ("request-status-picked.nl", RequestCards.Status(Lang.Nl, picked, "Opgepakt door Marieke"));
        yield return ("request-ticket-new.nl", RequestCards.Ticket(request));
        yield return ("request-ticket-picked.nl", RequestCards.Ticket(picked with { AddedInformation = ["De school maakt zich ook zorgen."] }));
        yield return ("request-ticket-finished.nl", RequestCards.Ticket(picked with { Status = Knowledge.Requests.RequestStatus.Afgerond, Outcome = "Netwerkberaad op 2 december; wij voorzitten." }));
        yield return ("request-list.nl", RequestCards.List(Lang.Nl, [request, picked]));
        yield return ("request-list-empty.en", RequestCards.List(Lang.En, []));
        yield return ("request-notice.nl", RequestCards.Notice("Dat kan niet", "Deze aanvraag hoort bij een ander expertpoolkanaal."));

        // Worst cases: every field at its maximum length (the card must stay well under Teams' limit), all errors at once,
        // the other end states, and a casemanager with many open requests.
        string Long(int length) => string.Concat(Enumerable.Repeat("Zorgen over de ontwikkeling; school meldt verzuim. ", (length / 51) + 1))[..length];
        var full = form with
        {
            Team = Long(rules.MaxTeam),
            CaseReference = Long(rules.MaxCaseReference),
            Situation = Long(rules.MaxSituation),
            Tried = Long(rules.MaxTried),
            DesiredContribution = Long(rules.MaxContribution),
            DesiredTerm = Long(rules.MaxTerm),
        };
        var busy = picked with { Form = full, AddedInformation = [.. Enumerable.Repeat(Long(rules.MaxMessage), 12)] };
        yield return ("request-ticket-max.nl", RequestCards.Ticket(busy with { Status = Knowledge.Requests.RequestStatus.InBehandeling }));
        yield return ("request-ticket-finished-max.nl", RequestCards.Ticket(busy with { Status = Knowledge.Requests.RequestStatus.Afgerond, Outcome = Long(rules.MaxMessage) }));
        // A bundle (a burst of tickets for one channel): new, being picked up, moved on, withdrawn; and 40 at their maximum.
        Requests.StoredRequest Bundled(Requests.StoredRequest r, int i, string? own = null) =>
            r with { Id = $"3f9a2c00000000000000000000000{i:D3}", BundleActivityId = "1:bundle", TicketActivityId = own ?? "1:bundle" };
        yield return ("request-ticket-bundle.nl", RequestCards.TicketBundle(
        [
            Bundled(request, 1), Bundled(picked, 2), Bundled(picked, 3, own: "1:own"),
            Bundled(request with { Status = Knowledge.Requests.RequestStatus.Ingetrokken }, 4),
        ]));
        yield return ("request-ticket-bundle-max.nl", RequestCards.TicketBundle(
            [.. Enumerable.Range(1, 40).Select(i => Bundled(busy with { Status = Knowledge.Requests.RequestStatus.Nieuw, PickedUpBy = null }, i))]));
        yield return ("request-ticket-returned.nl", RequestCards.Ticket(picked with { Status = Knowledge.Requests.RequestStatus.Teruggegeven, Outcome = "Past beter bij het lokale team." }));
        yield return ("request-status-withdrawn.en", RequestCards.Status(Lang.En, request with { Status = Knowledge.Requests.RequestStatus.Ingetrokken }, "Request withdrawn"));
        yield return ("request-status-message-max.nl", RequestCards.Status(Lang.Nl, busy, "Bericht van de GI", message: Long(rules.MaxMessage), queuedNote: "Nog niet bezorgd.",
            acute: knowledge.RoutesById.GetValueOrDefault("acuut")));
        var allWrong = new Dictionary<string, string?>
        {
            [Knowledge.Requests.RequestFields.Municipality] = "Atlantis",
            [Knowledge.Requests.RequestFields.Team] = Long(rules.MaxTeam + 50),
            [Knowledge.Requests.RequestFields.Kind] = "iets",
            [Knowledge.Requests.RequestFields.CaseReference] = "123456782",
            [Knowledge.Requests.RequestFields.Situation] = Long(rules.MaxSituation + 500),
            [Knowledge.Requests.RequestFields.Safety] = "",
            [Knowledge.Requests.RequestFields.Tried] = Long(rules.MaxTried + 500),
            [Knowledge.Requests.RequestFields.DesiredContribution] = "",
            [Knowledge.Requests.RequestFields.DesiredTerm] = Long(rules.MaxTerm + 50),
            [Knowledge.Requests.RequestFields.EvaluationDate] = "2020-01-01",
            [Knowledge.Requests.RequestFields.ParentsInformed] = "misschien",
            [Knowledge.Requests.RequestFields.Reason] = "",
            [Knowledge.Requests.RequestFields.Contact] = "duif",
        };
        var allErrors = Knowledge.Requests.RequestValidator.Validate(allWrong, rules, Today).Errors;
        yield return ("request-form-all-errors.en", RequestCards.Form(Lang.En, new RequestCards.FormState("sample-form", allWrong, allErrors), municipalities, rules, Today));
        var many = Enumerable.Range(0, 60).Select(i => busy with { Id = $"{i:x6}" + new string('0', 26) }).ToList();
        yield return ("request-list-many.nl", RequestCards.List(Lang.Nl, many));
    }

    private static IEnumerable<(string Name, JsonObject Card)> ReminderSamples()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var one = new ReminderView("sample-reminder-1", "2024-17", "evaluatie", Today.AddDays(14), Schedule.DefaultTime);
        var recurring = one with { Id = "sample-reminder-2", CaseReference = "2024-18", Every = new Interval(6, IntervalUnit.Weeks), Until = Today.AddDays(180) };
        var fromRequest = one with { Id = "sample-reminder-3", CaseReference = "2024-19", RequestId = "sample-request" };
        var engagement = one with { Id = "sample-engagement", IsEngagement = true, EngagementStart = Today.AddDays(-84), Subject = null };
        DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
        {
            var code = Code(lang);
            yield return ($"reminder-confirm.{code}", ReminderCards.Confirmation(recurring, [At(Today.AddDays(7)), At(Today.AddDays(14))], zone, lang));
            yield return ($"reminder-clarify.{code}", ReminderCards.Clarify(ClarificationReason.AmbiguousDate,
                [new Schedule(Today.AddDays(3), Schedule.DefaultTime), new Schedule(Today.AddDays(10), Schedule.DefaultTime)], "2024-17", "evaluatie", lang));
            yield return ($"reminder-list.{code}", ReminderCards.List([one, recurring, fromRequest], lang));
            yield return ($"reminder-nudge.{code}", ReminderCards.Nudge([new NudgeView(fromRequest, NudgeCardKind.OnTheDay, fromRequest.DueDate, false)], fromRequest.DueDate, lang));
            yield return ($"reminder-nudge-late.{code}", ReminderCards.Nudge(
                [new NudgeView(one, NudgeCardKind.Overdue, one.DueDate, true), new NudgeView(engagement, NudgeCardKind.LongRunning, Today, true)], one.DueDate.AddDays(2), lang));
            yield return ($"reminder-proposal.{code}", ReminderCards.EngagementProposal("sample-engagement", "2024-20", Today.AddDays(42), lang));
            yield return ($"reminder-status.{code}", ReminderCards.Status(lang == Lang.En ? "✅ Done: Evaluation — case 2024-17" : "✅ Afgerond: Evaluatie — casus 2024-17", null, lang));
        }

        yield return ("reminder-list-empty.nl", ReminderCards.List([], Lang.Nl));
    }

    /// <summary>The answer as if <paramref name="route"/> had been advised, with the signals that carry it as reasons.</summary>
    private static Answer WithRoute(Answer answer, Knowledge.Loading.Route route, KnowledgeBase knowledge)
    {
        var carrying = route.Decision.Requires.Concat(route.Decision.Indicators.Where(i => i.Weight > 0).Select(i => i.Signal)).ToHashSet(StringComparer.Ordinal);
        var reasons = knowledge.Signals.Where(s => carrying.Contains(s.Id)).Take(3).ToList();
        var articles = route.Articles.Select(id => knowledge.ArticlesById.GetValueOrDefault(id)).OfType<Article>().ToList();
        return answer with
        {
            Intent = Intent.Route,
            Route = new RouteAdvice(route, reasons),
            FollowUp = null,
            Articles = articles,
            Sources = [.. route.Sources.Concat(articles.SelectMany(a => a.Sources)).Distinct()],
        };
    }

    private static Answer Recomposed(Answer answer) => answer with { Text = AnswerText.Compose(answer) };

    private static string Code(Lang lang) => lang == Lang.En ? "en" : "nl";
}
