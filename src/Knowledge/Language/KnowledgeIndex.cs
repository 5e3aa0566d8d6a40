using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>The phrase matchers and lookups built once per knowledge base.</summary>
internal sealed class KnowledgeIndex
{
    public KnowledgeIndex(KnowledgeBase knowledge)
    {
        Signals = new PhraseMatcher<(string Signal, bool Counter)>(knowledge.Signals.SelectMany(s =>
            s.Phrases.Select(p => (p, (s.Id, false))).Concat(s.CounterPhrases.Select(p => (p, (s.Id, true))))));
        Topics = new PhraseMatcher<string>(knowledge.Topics
            .SelectMany(t => t.Synonyms.Append(t.Label).Append(t.Id.Replace('-', ' ')).Select(p => (p, t.Id)))
            .Concat(knowledge.TopicAliases.SelectMany(a => a.Phrases.Select(p => (p, a.Topic)))));
        Roles = new PhraseMatcher<string>(knowledge.Experts.Select(e => e.Role.ToLowerInvariant()).Distinct().Select(r => (r, r)));
        Municipalities = new PhraseMatcher<Municipality>(knowledge.Municipalities.SelectMany(m =>
            m.Aliases.Append(m.Name).Select(p => (p, m))));
        Intents = new PhraseMatcher<IntentCue>(knowledge.IntentCues.Select(c => (c.Phrase, c)));
        Articles = new PhraseMatcher<string>(knowledge.Articles.SelectMany(a => a.Keywords.Select(k => (k, a.Id))));
        ExpertsByTopic = knowledge.Experts
            .SelectMany(e => e.Expertise.Select(t => (Topic: t, Expert: e)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Expert>)[.. g.Select(x => x.Expert)], StringComparer.Ordinal);
        ExpertsByRole = knowledge.Experts
            .GroupBy(e => e.Role.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Expert>)[.. g], StringComparer.Ordinal);
        ExpertsByMunicipality = knowledge.Experts
            .SelectMany(e => e.Municipalities.Select(m => (Municipality: m, Expert: e)))
            .GroupBy(x => x.Municipality, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Expert>)[.. g.Select(x => x.Expert)], StringComparer.OrdinalIgnoreCase);
        SignalsById = knowledge.Signals.ToDictionary(s => s.Id, StringComparer.Ordinal);
        ExpertFacts = knowledge.Experts.ToDictionary(e => e, e => new ExpertFacts(e), (IEqualityComparer<Expert>)ReferenceEqualityComparer.Instance);
    }

    /// <summary>Whether the knowledge uses this content word anywhere a question is matched against.</summary>
    public bool Knows(string stem, Lang lang) =>
        Signals.Knows(stem, lang) || Topics.Knows(stem, lang) || Intents.Knows(stem, lang) || Articles.Knows(stem, lang)
        || Roles.Knows(stem, lang) || Municipalities.Knows(stem, lang);

    public PhraseMatcher<(string Signal, bool Counter)> Signals { get; }
    public PhraseMatcher<string> Topics { get; }
    public PhraseMatcher<string> Roles { get; }
    public PhraseMatcher<Municipality> Municipalities { get; }
    public PhraseMatcher<IntentCue> Intents { get; }
    public PhraseMatcher<string> Articles { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Expert>> ExpertsByTopic { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Expert>> ExpertsByRole { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Expert>> ExpertsByMunicipality { get; }
    public IReadOnlyDictionary<string, Signal> SignalsById { get; }

    /// <summary>Per expert, the lookups ranking needs, computed once (keyed by reference).</summary>
    public IReadOnlyDictionary<Expert, ExpertFacts> ExpertFacts { get; }
}

/// <summary>An expert's expertise, places, days and role as sets, so scoring thousands of experts stays cheap.</summary>
internal sealed class ExpertFacts(Expert expert)
{
    public HashSet<string> Expertise { get; } = new(expert.Expertise, StringComparer.Ordinal);
    public HashSet<string> Municipalities { get; } = new(expert.Municipalities, StringComparer.OrdinalIgnoreCase);
    public bool Everywhere { get; } = expert.Municipalities.Contains("*");
    public HashSet<string> Days { get; } = new(expert.Available, StringComparer.Ordinal);
    public string Role { get; } = expert.Role.ToLowerInvariant();
    public bool SpeaksEnglish { get; } = expert.Languages.Contains("en");
}
