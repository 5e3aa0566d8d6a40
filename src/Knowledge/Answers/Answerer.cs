using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
using ExpertBot.Knowledge.Routes;

namespace ExpertBot.Knowledge.Answers;

/// <summary>
/// The knowledge core's entry point: privacy guard first, then understanding, then route advice or expert
/// ranking, then the answer in the asker's language. Pure and thread-safe; build once per knowledge base.
/// </summary>
public sealed class Answerer
{
    /// <summary>Longer questions are cut before analysis; nobody types a report into a chat.</summary>
    public const int MaxQuestionLength = 4000;

    private readonly KnowledgeBase _knowledge;
    private readonly QuestionReader _reader;
    private readonly RouteAdvisor _advisor;
    private readonly ExpertRanker _ranker;

    public Answerer(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
        var index = new KnowledgeIndex(knowledge);
        _reader = new QuestionReader(index);
        _advisor = new RouteAdvisor(knowledge);
        _ranker = new ExpertRanker(knowledge, index);
    }

    public KnowledgeBase Knowledge => _knowledge;

    public Answer Ask(Question question) => AnswerFrom(question, Read(question));

    /// <summary>
    /// The first half of <see cref="Ask"/>: privacy guard, language and the embedded understanding. An assistant
    /// (a language model) may refine the understanding before <see cref="AnswerFrom"/> answers from it.
    /// </summary>
    public Reading Read(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var raw = question.Text.Length > MaxQuestionLength ? question.Text[..MaxQuestionLength] : question.Text;
        var pii = PrivacyGuard.Scan(raw);
        var text = pii.Count > 0 ? PrivacyGuard.Redact(raw, pii) : raw;
        // The question's own language first (a Dutch question gets a Dutch answer, also from an English Teams client);
        // the user's locale decides when the words don't say ("OTS?"); Dutch by default.
        var clearly = LanguageDetector.DetectClearly(text);
        var detected = clearly ?? Lang.Nl;
        var language = clearly ?? question.Locale ?? Lang.Nl;
        return new Reading(text, pii, language, _reader.Read(text, question.Today, detected));
    }

    /// <summary>The second half of <see cref="Ask"/>: route advice or expert ranking from a reading.</summary>
    public Answer AnswerFrom(Question question, Reading reading)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reading);
        var (pii, language, understanding) = (reading.Pii, reading.Language, reading.Understanding);

        var signals = RouteAdvisor.With(understanding.Signals, question.KnownSignals ?? new Dictionary<string, bool>());
        var intent = understanding.Intent;
        if (question.KnownSignals is { Count: > 0 } && intent is Intent.Unknown)
        {
            intent = Intent.Route;
        }

        RouteOutcome? outcome = null;
        var onlyFacts = intent == Intent.Route && !signals.Values.Any(v => v) && understanding.Articles.Count > 0;
        if ((intent == Intent.Route && !onlyFacts) || signals.GetValueOrDefault("acuut-gevaar"))
        {
            outcome = _advisor.Decide(signals, question.AskedFollowUps ?? new HashSet<string>());
        }

        var experts = new ExpertRanking([], []);
        IReadOnlyList<Organisation> intake = [];
        if (intent == Intent.Who)
        {
            experts = _ranker.Rank(new ExpertQuery(
                understanding.Topics, understanding.Roles, understanding.Municipality, understanding.Day, understanding.DayAsked, question.Today, language,
                understanding.TopicsFromSignals));
            if (experts.Recommended.Count == 0)
            {
                intake = IntakeContacts(understanding);
            }
        }

        var route = outcome?.Advice;
        var articles = SelectArticles(route, understanding);
        var sources = route?.Route.Sources.Concat(articles.SelectMany(a => a.Sources)).Distinct().ToList()
            ?? [.. articles.SelectMany(a => a.Sources).Distinct()];
        var followUp = route is null ? outcome?.FollowUp : null;
        var answer = new Answer(intent, language, route, experts, intake, followUp, pii, articles, sources, understanding, "")
        {
            Signals = signals,
        };
        return answer with { Text = AnswerText.Compose(answer) };
    }

    /// <summary>
    /// Experts for a route ("Toon experts" on a route card): those with the route's topics, else those of the
    /// organisations that carry the route (the GI, Veilig Thuis, the Raad).
    /// </summary>
    public Answer ExpertsForRoute(string routeId, DateOnly today, Lang language, string? municipality = null)
    {
        ArgumentNullException.ThrowIfNull(routeId);
        var route = _knowledge.RoutesById.GetValueOrDefault(routeId);
        var place = municipality is null ? null : _knowledge.Municipalities.FirstOrDefault(m => string.Equals(m.Name, municipality, StringComparison.OrdinalIgnoreCase));
        var topics = route?.Topics.Where(_knowledge.TopicsById.ContainsKey).ToList() ?? [];
        var ranking = new ExpertRanking([], []);
        if (route is not null)
        {
            ranking = _ranker.Rank(new ExpertQuery(topics, [], place, today, false, today, language, true));
            if (ranking.Recommended.Count == 0)
            {
                ranking = _ranker.Rank(new ExpertQuery([], [], place, today, false, today, language, true, route.OrganisationTypes));
            }
        }

        var understanding = new Understanding(Intent.Who, language, new Dictionary<string, bool>(), topics, [], place, today, false, []);
        var intake = ranking.Recommended.Count == 0 ? IntakeContacts(understanding) : [];
        var answer = new Answer(Intent.Who, language, null, ranking, intake, null, [], [], [], understanding, "")
        {
            Signals = understanding.Signals,
        };
        return answer with { Text = AnswerText.Compose(answer) };
    }

    private List<Article> SelectArticles(RouteAdvice? route, Understanding understanding)
    {
        var ids = (route?.Route.Articles ?? []).Concat(understanding.Articles).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id => _knowledge.ArticlesById.GetValueOrDefault(id)).OfType<Article>()];
    }

    /// <summary>Where to go when no expert fits: the GI (and Veilig Thuis for abuse signals) serving the municipality.</summary>
    private List<Organisation> IntakeContacts(Understanding understanding)
    {
        var types = understanding.Signals.GetValueOrDefault("vermoeden-mishandeling") ? (string[])["veilig-thuis", "gi"] : ["gi"];
        var municipality = understanding.Municipality?.Name;
        return [.. _knowledge.Organisations
            .Where(o => types.Contains(o.Type, StringComparer.Ordinal) && !o.Contact.IsEmpty)
            .Where(o => municipality is null || o.Municipalities.Contains("*") || o.Municipalities.Contains(municipality, StringComparer.OrdinalIgnoreCase))
            .OrderBy(o => Array.IndexOf(types, o.Type))
            .ThenBy(o => o.Municipalities.Contains("*") ? 1 : 0)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .Take(3)];
    }
}
