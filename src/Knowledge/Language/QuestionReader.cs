using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>
/// Reads a question: intent, signals (with negation), topics, expert roles, municipality and day.
/// Embedded and deterministic: no network, no language model.
/// </summary>
internal sealed class QuestionReader(KnowledgeIndex index)
{
    private const int SignalIntentCap = 2;

    private static readonly HashSet<string> AmountWords = new(StringComparer.Ordinal) { "hoeveel", "much", "many" };

    public Understanding Read(string text, DateOnly today, Lang language)
    {
        var tokens = TextAnalyzer.Analyze(text, language);
        var signals = ReadSignals(tokens, language);
        var topics = Distinct(index.Topics.Match(tokens, language).Where(h => !h.Negated).Select(h => h.Payload));
        var topicsFromSignals = topics.Count == 0;
        if (topicsFromSignals)
        {
            // Only when the question names no subject itself: "wie bel ik bij een vermoeden van mishandeling?"
            topics.AddRange(signals.Where(s => s.Value).SelectMany(s => index.SignalsById[s.Key].Topics).Distinct(StringComparer.Ordinal));
        }

        var roles = Distinct(index.Roles.Match(tokens, language).Select(h => h.Payload));
        var municipality = ReadMunicipality(tokens, language);
        var day = DayReader.Read(tokens, today);
        var articleHits = index.Articles.Match(tokens, language).Where(h => !h.Negated).ToList();
        var articles = Distinct(articleHits.Select(h => h.Payload));
        var intent = ReadIntent(tokens, language, signals, topics.Count, roles.Count, articleHits, municipality is not null);
        return new Understanding(intent, language, signals, topics, roles, municipality, day ?? today, day is not null, articles)
        {
            TopicsFromSignals = topicsFromSignals && topics.Count > 0,
        };
    }

    /// <summary>A phrase sets its signal; a negated phrase or a counter-phrase clears it. Present beats absent.</summary>
    private Dictionary<string, bool> ReadSignals(IReadOnlyList<Token> tokens, Lang language)
    {
        var signals = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var hit in index.Signals.Match(tokens, language))
        {
            var value = hit.Payload.Counter == hit.Negated;
            signals[hit.Payload.Signal] = value || (signals.TryGetValue(hit.Payload.Signal, out var earlier) && earlier);
        }

        return signals;
    }

    private Municipality? ReadMunicipality(IReadOnlyList<Token> tokens, Lang language)
    {
        // The longest mention wins, so "Midden-Groningen" is not read as "Groningen".
        return index.Municipalities.Match(tokens, language)
            .OrderByDescending(h => h.LastToken - h.FirstToken)
            .ThenBy(h => h.FirstToken)
            .Select(h => h.Payload)
            .FirstOrDefault();
    }

    private Intent ReadIntent(
        IReadOnlyList<Token> tokens, Lang language, Dictionary<string, bool> signals, int topicCount, int roleCount,
        IReadOnlyList<PhraseHit<string>> articleHits, bool hasMunicipality)
    {
        var scores = new Dictionary<Intent, int>();
        // No negation here: "ik weet niet welke route" still asks for a route.
        var whoBeyondQuestionWord = false;
        foreach (var hit in index.Intents.Match(tokens, language))
        {
            var intent = IntentNames.Parse(hit.Payload.Intent);
            scores[intent] = scores.GetValueOrDefault(intent) + hit.Payload.Weight;
            whoBeyondQuestionWord |= intent == Intent.Who && !TextAnalyzer.IsQuestionWord(hit.Payload.Phrase.ToLowerInvariant());
        }

        var presentSignals = signals.Count(s => s.Value);
        if (tokens.Count > 0 && tokens[0].Folded is "wie" or "who" or "whom")
        {
            // A question that opens with "wie"/"who" asks for a person.
            scores[Intent.Who] = scores.GetValueOrDefault(Intent.Who) + 3;
        }

        if (roleCount > 0)
        {
            // A role is a hint, not a request: "ik ben het niet eens met de gezinsvoogd" is about a route.
            scores[Intent.Who] = scores.GetValueOrDefault(Intent.Who) + 1;
        }

        if (signals.Count > 0)
        {
            scores[Intent.Route] = scores.GetValueOrDefault(Intent.Route) + (2 * Math.Min(signals.Count, SignalIntentCap));
        }

        if (scores.TryGetValue(Intent.Help, out var help) && (presentSignals > 0 || topicCount > 0))
        {
            // "Wat kun je vertellen over nazorg?" is about nazorg, not about the bot.
            scores[Intent.Help] = help - 2;
        }

        var best = scores.Where(s => s.Value > 0)
            .OrderByDescending(s => s.Value)
            .ThenBy(s => TieOrder(s.Key))
            .Select(s => s.Key)
            .FirstOrDefault(Intent.Unknown);

        if (best == Intent.Who && !whoBeyondQuestionWord && topicCount == 0 && roleCount == 0 && !hasMunicipality && signals.Count == 0)
        {
            // "Wie wint het WK?" asks for a person, but not one from the expert pool.
            best = Intent.Unknown;
        }

        if (best == Intent.Unknown && (topicCount > 0 || roleCount > 0))
        {
            best = Intent.Who;
        }

        if (best == Intent.Unknown && articleHits.Count > 0 && ArticleIsTheSubject(tokens, language, articleHits))
        {
            // Facts about the routes (durations, rates, the beschermingstafel) are route knowledge.
            best = Intent.Route;
        }

        if (signals.GetValueOrDefault("acuut-gevaar") && best is Intent.Unknown or Intent.Help)
        {
            best = Intent.Route;
        }

        return best;
    }

    /// <summary>
    /// With nothing else from the domain in the question, an article's keyword only makes it a route question when the
    /// words the knowledge knows outweigh those it does not: "wat kost de GI per uur?" is, "hoeveel kost een
    /// parkeervergunning?" is not (only "kost" is known, "parkeervergunning" is not).
    /// </summary>
    private bool ArticleIsTheSubject(IReadOnlyList<Token> tokens, Lang language, IReadOnlyList<PhraseHit<string>> articleHits)
    {
        var known = 0;
        var unknown = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Asking words weigh nothing either way ("hoeveel" is also part of the keyword "hoeveel uur").
            if (token.IsStop || TextAnalyzer.IsQuestionWord(token.Stem) || TextAnalyzer.IsQuestionWord(token.Folded) || AmountWords.Contains(token.Folded))
            {
                continue;
            }

            if (articleHits.Any(h => h.FirstToken <= i && i <= h.LastToken) || index.Knows(token.Stem, language))
            {
                known++;
            }
            else if (!token.Folded.All(char.IsAsciiDigit))
            {
                unknown++;
            }
        }

        return known > unknown;
    }

    private static int TieOrder(Intent intent) => intent switch
    {
        Intent.Reminder => 0,
        Intent.Request => 1,
        Intent.Who => 2,
        Intent.Route => 3,
        Intent.Help => 4,
        _ => 5,
    };

    private static List<string> Distinct(IEnumerable<string> items) => [.. items.Distinct(StringComparer.Ordinal)];
}
