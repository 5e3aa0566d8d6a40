using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
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

        var help = Ask("help");
        yield return ("help-answer.nl", AnswerCards.For(help with { Intent = Intent.Help }, "sample-help"));
        yield return ("request.nl", AnswerCards.For(Ask("Ik wil een aanvraag doen bij de GI voor een casus in Groningen"), "sample-request"));
        yield return ("reminder.nl", AnswerCards.For(Recomposed(Ask("herinner me aan de evaluatie") with { Intent = Intent.Reminder, Route = null, FollowUp = null }), "sample-reminder"));
        var unknown = Ask("Wat is het weer morgen?") with { Intent = Intent.Unknown, Route = null, FollowUp = null };
        yield return ("unknown.nl", AnswerCards.For(Recomposed(unknown), "sample-unknown"));
        yield return ("unknown-pii.en", AnswerCards.For(Recomposed(unknown with { Language = Lang.En, Pii = pii }), "sample-unknown"));

        foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
        {
            yield return ($"welcome.{Code(lang)}", AnswerCards.Welcome(lang));
            yield return ($"help.{Code(lang)}", AnswerCards.Help(lang));
            yield return ($"feedback-thanks.{Code(lang)}", AnswerCards.FeedbackThanks(lang));
            yield return ($"error.{Code(lang)}", AnswerCards.Error(lang, lang == Lang.En ? "The knowledge could not be loaded." : "De kennis kon niet worden geladen."));
        }
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
