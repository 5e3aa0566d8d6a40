using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Reminders;

// What is left after the passes becomes the subject; the scanner that blanks what each pass took.
public static partial class ReminderDateReader
{
    // ---- Subject ----

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "me", "mij", "ons", "je", "jij", "u", "kun", "kunt", "kan", "wil", "wilt", "zou", "graag", "even", "nog", "eens",
        "aub", "svp", "alsjeblieft", "alstublieft", "zet", "stuur", "maak", "een", "er", "eraan", "dan", "ook", "wel",
        "please", "pls", "can", "could", "would", "you", "set", "send", "make", "add", "create", "a", "an", "us", "i",
        "want", "to", "ik", "hoi", "hi", "hey", "hallo", "hello", "bot", "maar", "niet", "but", "not", "dank", "bedankt",
        "thanks", "thank", "dankjewel",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "van", "voor", "in", "op", "om", "aan", "met", "bij", "over", "of", "for", "on", "at", "with", "about", "to",
        "de", "het", "een", "the", "a", "an", "en", "and", "vanaf", "from", "per", "tot", "until", "rond", "around", "is",
        "die", "dat", "that", "which", "m.b.t.", "mbt", "inzake", "betreft", "regarding", "re",
    };

    /// <summary>
    /// The words after "aan/over/voor/om" or "about/to/for/of" up to the next taken phrase or punctuation, without
    /// trailing connectors ("de evaluatie van [casus 2024-17]" → "de evaluatie"). Else the first left-over run of words
    /// after the reminder word that is more than filler. Personal data in it is redacted; at most
    /// <see cref="MaxSubjectLength"/> characters.
    /// </summary>
    private static string? TakeSubject(Scanner scan, int triggerStart)
    {
        var text = scan.Text;
        foreach (Match marker in SubjectMarker().Matches(text))
        {
            var start = marker.Index + marker.Length;
            var end = start;
            while (end < text.Length && text[end] != Blank && !IsStop(text, end))
            {
                end++;
            }

            if (Clean(scan, start, end, stripLeadingFillers: false) is { } subject)
            {
                return subject;
            }
        }

        for (var start = triggerStart; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && text[end] != Blank && !IsStop(text, end))
            {
                end++;
            }

            if (end > start && Clean(scan, start, end, stripLeadingFillers: true) is { } subject && subject.Length >= 4)
            {
                return subject;
            }

            start = end + 1;
        }

        return null;
    }

    // A full stop or colon inside a word ("piet@example.nl", "12:30") does not end the subject.
    private static bool IsStop(string text, int i) => text[i] switch
    {
        '.' or ':' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == Blank,
        ',' or ';' or '!' or '?' or '\n' or '\r' or '(' or ')' or '"' => true,
        _ => false,
    };

    private static string? Clean(Scanner scan, int start, int end, bool stripLeadingFillers)
    {
        var folded = scan.Text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var original = scan.Original[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (folded.Count != original.Count)
        {
            return null;
        }

        while (folded.Count > 0 && (Connectors.Contains(folded[^1]) || Fillers.Contains(folded[^1])))
        {
            folded.RemoveAt(folded.Count - 1);
            original.RemoveAt(original.Count - 1);
        }

        while (stripLeadingFillers && folded.Count > 0
            && (Fillers.Contains(folded[0]) || Connectors.Contains(folded[0]) && folded[0] is not ("de" or "het" or "the")))
        {
            folded.RemoveAt(0);
            original.RemoveAt(0);
        }

        if (folded.Count == 0 || !folded.Any(w => w.Length >= 3 && w.Any(char.IsLetter)))
        {
            return null;
        }

        var subject = PrivacyGuard.Redact(string.Join(' ', original).Trim('\'', '"', '‘', '’', '“', '”', '-', '–'));
        if (subject.Length <= MaxSubjectLength)
        {
            return subject.Length == 0 ? null : subject;
        }

        var cut = subject.LastIndexOf(' ', MaxSubjectLength - 1);
        return string.Concat(subject.AsSpan(0, cut > 20 ? cut : MaxSubjectLength - 1), "…");
    }

    /// <summary>The text folded for matching, with the same length as the original so spans carry over.</summary>
    private sealed class Scanner
    {
        private readonly char[] chars;

        public Scanner(string original)
        {
            Original = original;
            chars = new char[original.Length];
            for (var i = 0; i < original.Length; i++)
            {
                chars[i] = Fold(original[i]);
            }

            Folded = new string(chars);
            Text = Folded;
        }

        public string Original { get; }

        /// <summary>Folded, before anything was taken.</summary>
        public string Folded { get; }

        /// <summary>Folded, with taken phrases blanked out.</summary>
        public string Text { get; private set; }

        public void Erase(int start, int length)
        {
            Array.Fill(chars, Blank, start, length);
            Text = new string(chars);
        }

        private static char Fold(char c)
        {
            if (c is '’' or '‘' or '`')
            {
                return '\'';
            }

            if (char.IsWhiteSpace(c))
            {
                return ' ';
            }

            c = char.ToLowerInvariant(c);
            if (c < 128)
            {
                return c;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            return decomposed.Length > 0 && decomposed[0] < 128 ? decomposed[0] : c;
        }
    }
}
