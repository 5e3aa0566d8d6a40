using System.Collections.Concurrent;
using ExpertBot.Knowledge.Loading;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace ExpertBot.Knowledge.Language;

/// <summary>
/// Dutch and English text analysis on Lucene.Net: standard tokenization, lower-casing, diacritics folding
/// (beëindigd → beeindigd), Snowball stemming and the analyzers' stop words. Thread-safe.
/// </summary>
public static class TextAnalyzer
{
    private const int StemCacheLimit = 50_000;
    private static readonly CharArraySet DutchStops = DutchAnalyzer.DefaultStopSet;
    private static readonly CharArraySet EnglishStops = EnglishAnalyzer.DefaultStopSet;
    private static readonly ConcurrentDictionary<(Lang, string), string> StemCache = new();
    private static readonly ThreadLocal<SnowballProgram> DutchStemmer = new(() => new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
    private static readonly ThreadLocal<SnowballProgram> EnglishStemmer = new(() => new EnglishStemmer());

    /// <summary>Words that carry meaning for negation and intent even though stop lists drop them.</summary>
    private static readonly HashSet<string> Significant = new(StringComparer.Ordinal)
    {
        "niet", "geen", "wel", "nooit", "zonder", "niets", "niks", "wie", "wat", "welke", "hoe", "wanneer", "waar",
        "no", "not", "never", "without", "nothing", "who", "whom", "what", "which", "how", "when", "where", "nu", "now",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "maar", "but", "however", "echter" };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "wie", "wat", "welke", "hoe", "wanneer", "waar", "nu", "who", "whom", "what", "which", "how", "when", "where", "now",
    };

    /// <summary>True for the question words kept out of the stop lists ("wie", "wat", "how").</summary>
    public static bool IsQuestionWord(string stem) => QuestionWords.Contains(stem);

    public static IReadOnlyList<Token> Analyze(string text, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        using TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var clause = 0;
        var previousEnd = 0;
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            var start = offset.StartOffset;
            if (HasClauseBreak(text, previousEnd, start) || ClauseWords.Contains(word))
            {
                clause++;
            }

            var stops = lang == Lang.En ? EnglishStops : DutchStops;
            var isStop = stops.Contains(word) && !Significant.Contains(word);
            tokens.Add(new Token(word, Stem(word, lang), start, offset.EndOffset, isStop, clause));
            previousEnd = offset.EndOffset;
        }

        stream.End();
        return tokens;
    }

    /// <summary>The stemmed, stop-word-free form of a phrase, as used for matching.</summary>
    public static IReadOnlyList<string> ContentStems(string phrase, Lang lang) =>
        [.. Analyze(phrase, lang).Where(t => !t.IsStop).Select(t => t.Stem)];

    public static string Stem(string foldedWord, Lang lang)
    {
        if (foldedWord.Length <= 2 || foldedWord.Any(char.IsDigit))
        {
            return foldedWord;
        }

        if (StemCache.TryGetValue((lang, foldedWord), out var cached))
        {
            return cached;
        }

        var stemmer = (lang == Lang.En ? EnglishStemmer : DutchStemmer).Value!;
        stemmer.SetCurrent(foldedWord);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (StemCache.Count < StemCacheLimit)
        {
            StemCache.TryAdd((lang, foldedWord), stem);
        }

        return stem;
    }

    private static bool HasClauseBreak(string text, int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (text[i] is '.' or ',' or ';' or ':' or '?' or '!' or '\n' or '(' or ')')
            {
                return true;
            }
        }

        return false;
    }
}
