using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>Where a phrase was found, and whether a negation ("geen", "niet", "not") governs it.</summary>
public sealed record PhraseHit<T>(T Payload, int FirstToken, int LastToken, bool Negated);

/// <summary>
/// Finds stemmed phrases in analysed text, ignoring stop words, allowing a few words in between and
/// compound words ("kindermishandeling" contains "mishandeling"). Built once, then used from many threads.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private const int MaxGap = 3;
    private const int NegationWindow = 3;
    private const int MinCompoundSuffix = 5;

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "niet", "geen", "nooit", "zonder", "niets", "niks", "no", "not", "never", "without", "nothing", "none",
        "don't", "doesn't", "isn't", "aren't", "won't", "can't", "cannot", "didn't", "wasn't", "weren't",
    };

    private readonly Dictionary<string, List<Entry>>[] _byFirstStem =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    // Every content word of every phrase: the vocabulary a question can be checked against.
    private readonly HashSet<string>[] _stems = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    // Phrases that are mostly stop words ("wat moet ik doen", "met wie") must match word for word.
    private readonly Dictionary<string, List<Entry>>[] _exactByFirstStem =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public PhraseMatcher(IEnumerable<(string Phrase, T Payload)> phrases)
    {
        foreach (var (phrase, payload) in phrases)
        {
            foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
            {
                var tokens = TextAnalyzer.Analyze(phrase, lang);
                var stems = tokens.Where(t => !t.IsStop).Select(t => t.Stem).ToList();
                _stems[(int)lang].UnionWith(stems);
                // A multi-word phrase whose meaning rests on its function words ("na de maatregel", "naar de raad",
                // "met wie") would otherwise shrink to one common word and match everywhere.
                var exact = tokens.Count >= 2 && (stems.Count < 2 || stems.All(TextAnalyzer.IsQuestionWord));
                if (exact)
                {
                    stems = [.. tokens.Select(t => t.Stem)];
                }

                if (stems.Count == 0)
                {
                    continue;
                }

                var entry = new Entry(payload, [.. stems], stems.Any(Negators.Contains));
                var index = (exact ? _exactByFirstStem : _byFirstStem)[(int)lang];
                if (!index.TryGetValue(stems[0], out var list))
                {
                    index[stems[0]] = list = [];
                }

                if (!list.Any(e => e.Stems.SequenceEqual(entry.Stems) && EqualityComparer<T>.Default.Equals(e.Payload, payload)))
                {
                    list.Add(entry);
                }
            }
        }
    }

    public static bool IsNegator(string folded) => Negators.Contains(folded);

    /// <summary>Whether some phrase uses this (stemmed) content word.</summary>
    public bool Knows(string stem, Lang lang) => _stems[(int)lang].Contains(stem);

    public IReadOnlyList<PhraseHit<T>> Match(IReadOnlyList<Token> tokens, Lang lang)
    {
        var content = new List<int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsStop)
            {
                content.Add(i);
            }
        }

        var index = _byFirstStem[(int)lang];
        var hits = new List<PhraseHit<T>>();
        for (var c = 0; c < content.Count; c++)
        {
            var stem = tokens[content[c]].Stem;
            foreach (var key in Keys(stem))
            {
                if (!index.TryGetValue(key, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (TryMatch(entry, tokens, content, c, out var last))
                    {
                        var first = content[c];
                        hits.Add(new PhraseHit<T>(entry.Payload, first, last, !entry.HasNegator && IsNegated(tokens, first, last)));
                    }
                }
            }
        }

        var exactIndex = _exactByFirstStem[(int)lang];
        for (var t = 0; t < tokens.Count && exactIndex.Count > 0; t++)
        {
            if (!exactIndex.TryGetValue(tokens[t].Stem, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (MatchesExactly(entry, tokens, t))
                {
                    var last = t + entry.Stems.Length - 1;
                    hits.Add(new PhraseHit<T>(entry.Payload, t, last, !entry.HasNegator && IsNegated(tokens, t, last)));
                }
            }
        }

        return hits;
    }

    private static bool MatchesExactly(Entry entry, IReadOnlyList<Token> tokens, int start)
    {
        if (start + entry.Stems.Length > tokens.Count)
        {
            return false;
        }

        for (var p = 0; p < entry.Stems.Length; p++)
        {
            var token = tokens[start + p];
            if (token.Stem != entry.Stems[p] || token.Clause != tokens[start].Clause)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The stem itself, then its compound suffixes ("kindermishandel" → "mishandel").</summary>
    private static IEnumerable<string> Keys(string stem)
    {
        yield return stem;
        for (var i = 1; stem.Length - i >= MinCompoundSuffix; i++)
        {
            yield return stem[i..];
        }
    }

    private static bool StemMatches(string textStem, string phraseStem) =>
        textStem == phraseStem
        || (phraseStem.Length >= MinCompoundSuffix && textStem.Length > phraseStem.Length && textStem.EndsWith(phraseStem, StringComparison.Ordinal));

    private static bool TryMatch(Entry entry, IReadOnlyList<Token> tokens, List<int> content, int start, out int last)
    {
        last = content[start];
        var position = start;
        var clause = tokens[content[start]].Clause;
        for (var p = 1; p < entry.Stems.Length; p++)
        {
            var found = -1;
            for (var next = position + 1; next < content.Count && next <= position + 1 + MaxGap; next++)
            {
                var token = tokens[content[next]];
                if (token.Clause != clause)
                {
                    break;
                }

                if (StemMatches(token.Stem, entry.Stems[p]))
                {
                    found = next;
                    break;
                }
            }

            if (found < 0)
            {
                return false;
            }

            position = found;
            last = content[found];
        }

        return true;
    }

    private static bool IsNegated(IReadOnlyList<Token> tokens, int first, int last)
    {
        var clause = tokens[first].Clause;
        for (var i = Math.Max(0, first - NegationWindow); i < first; i++)
        {
            if (tokens[i].Clause == clause && Negators.Contains(tokens[i].Folded))
            {
                return true;
            }
        }

        for (var i = first + 1; i < last; i++)
        {
            if (Negators.Contains(tokens[i].Folded))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Entry(T Payload, string[] Stems, bool HasNegator);
}
