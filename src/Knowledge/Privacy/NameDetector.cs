using System.Text.RegularExpressions;

namespace ExpertBot.Knowledge.Privacy;

// Names are found by context, never by capitalisation alone: after a cue ("moeder", "dhr.", "named"),
// or right next to other personal data in the same clause ("Piet de Vries, BSN 123456782").
internal static class NameDetector
{
    private const int MaxAdjacentWords = 3;

    private readonly record struct Token(int Start, int Length, bool IsParticle);

    private readonly record struct Segment(int Start, int End, int CapitalisedCount)
    {
        public int Length => End - Start;
    }

    /// <summary>
    /// Adds names, and full dates attached to a name ("Piet de Vries (12-03-2015)") as dates of birth, to
    /// <paramref name="findings"/> (sorted, non-overlapping, holding no names yet). Returns them sorted.
    /// </summary>
    public static List<PiiFinding> AddNames(string text, List<PiiFinding> findings, IReadOnlyList<DateCandidate> dates)
    {
        var runs = Safe.Matches(PiiPatterns.CapitalisedRun(), text);
        var segments = Segments(text, runs, findings);

        var attached = AttachedBirthDates(text, segments, findings, dates);
        if (attached.Count > 0)
        {
            findings = Overlaps.Resolve([.. findings, .. attached]);
            segments = Segments(text, runs, findings);
        }

        var names = new List<PiiFinding>();
        AddCuedNames(text, findings, names);
        AddAdjacentNames(text, segments, findings, names);
        return names.Count == 0 ? findings : Overlaps.Resolve([.. findings, .. names]);
    }

    private static List<PiiFinding> AttachedBirthDates(
        string text, List<Segment> segments, List<PiiFinding> findings, IReadOnlyList<DateCandidate> dates)
    {
        var result = new List<PiiFinding>();
        foreach (var date in dates)
        {
            if (!date.HasYear || Overlaps.Intersects(findings, date.Start, date.End))
            {
                continue;
            }

            var index = LastEndingAtOrBefore(segments, date.Start);
            if (index < 0)
            {
                continue;
            }

            var segment = segments[index];
            var gap = text.AsSpan(segment.End, date.Start - segment.End).Trim();
            var parenthesised = gap is "(";
            if (gap.Length > 1 || (gap.Length == 1 && gap[0] is not (',' or '(' or ':' or '-' or '–')))
            {
                continue;
            }

            // A lone word at a sentence start may be a letter's place line ("Assen, 15-01-2027"); only the
            // parenthesised form is a strong enough signal there, and even then the word is not a name.
            var lone = segment.CapitalisedCount == 1;
            if (lone && !parenthesised && TextRules.IsSentenceInitial(text, segment.Start))
            {
                continue;
            }

            if (lone && NameWords.PlacePrepositions.GetAlternateLookup<ReadOnlySpan<char>>()
                    .Contains(TextRules.PreviousWord(text, segment.Start)))
            {
                continue;
            }

            result.Add(new PiiFinding(PiiKind.DateOfBirth, date.Start, date.Length));
        }

        return result;
    }

    private static void AddCuedNames(string text, List<PiiFinding> findings, List<PiiFinding> names)
    {
        foreach (var cue in Safe.Matches(PiiPatterns.NameCue(), text))
        {
            var pattern = cue.Groups["relation"].Success ? PiiPatterns.NameAfterRelation() : PiiPatterns.NameAfterTitle();
            var name = Safe.MatchAt(pattern, text, cue.Index + cue.Length)?.Groups["name"];
            if (name is null || !name.Success)
            {
                continue;
            }

            // The name ends at the first word that cannot be part of one. A leading particle stays
            // ("mevrouw de Vries") unless two or more words follow ("op naam van J. de Boer"); a trailing one goes.
            Token? first = null;
            Token? firstWord = null;
            Token? lastWord = null;
            var words = 0;
            foreach (var token in Tokens(text, name.Index, name.Length))
            {
                if (IsBreak(text, token, findings, out _))
                {
                    break;
                }

                first ??= token;
                if (!token.IsParticle)
                {
                    firstWord ??= token;
                    lastWord = token;
                    words++;
                }
            }

            if (first is { } leading && firstWord is { } word && lastWord is { } last)
            {
                var start = leading.IsParticle && words < 2 ? leading.Start : word.Start;
                names.Add(new PiiFinding(PiiKind.PersonName, start, last.Start + last.Length - start));
            }
        }
    }

    private static void AddAdjacentNames(string text, List<Segment> segments, List<PiiFinding> findings, List<PiiFinding> names)
    {
        foreach (var segment in segments)
        {
            if (segment.CapitalisedCount == 1 && TextRules.IsSentenceInitial(text, segment.Start))
            {
                continue;
            }

            if (IsAdjacentToFinding(text, segment, findings))
            {
                names.Add(new PiiFinding(PiiKind.PersonName, segment.Start, segment.Length));
            }
        }
    }

    private static bool IsAdjacentToFinding(string text, Segment segment, List<PiiFinding> findings)
    {
        var next = FirstStartingAtOrAfter(findings, segment.End);
        if (next >= 0
            && TextRules.IsSameClauseGap(text.AsSpan(segment.End, findings[next].Start - segment.End), MaxAdjacentWords, allowDigits: false))
        {
            return true;
        }

        // After an address a capitalised word is usually the town ("Hoofdstraat 12, Assen"), so addresses
        // only count when they follow the name.
        var previous = next >= 0 ? next - 1 : findings.Count - 1;
        return previous >= 0
            && findings[previous].End <= segment.Start
            && findings[previous].Kind != PiiKind.PostcodeAddress
            && TextRules.IsSameClauseGap(text.AsSpan(findings[previous].End, segment.Start - findings[previous].End), MaxAdjacentWords, allowDigits: false);
    }

    // Splits capitalised runs at function words and at existing findings; domain words split too and mark the run.
    private static List<Segment> Segments(string text, List<Match> runs, List<PiiFinding> findings)
    {
        var segments = new List<Segment>();
        var pending = new List<Token>();
        foreach (var run in runs)
        {
            var fromDomainRun = false;
            var runSegments = segments.Count;
            foreach (var token in Tokens(text, run.Index, run.Length))
            {
                if (IsBreak(text, token, findings, out var isDomain))
                {
                    fromDomainRun |= isDomain;
                    Flush(text, pending, segments);
                    continue;
                }

                pending.Add(token);
            }

            Flush(text, pending, segments);
            if (fromDomainRun)
            {
                // Keep only parts that look like a full name on their own ("Piet de Vries"), not "Assen".
                for (var i = segments.Count - 1; i >= runSegments; i--)
                {
                    if (segments[i].CapitalisedCount < 2)
                    {
                        segments.RemoveAt(i);
                    }
                }
            }
        }

        return segments;
    }

    // "Adres van Anna Bakker": a particle followed by two or more capitalised words is a preposition, not
    // part of a surname ("Piet de Vries"), so the run is split there.
    private static void Flush(string text, List<Token> pending, List<Segment> segments)
    {
        var from = 0;
        var i = 0;
        while (i < pending.Count)
        {
            if (!pending[i].IsParticle)
            {
                i++;
                continue;
            }

            var particleStart = i;
            while (i < pending.Count && pending[i].IsParticle)
            {
                i++;
            }

            var wordsAfter = 0;
            for (var j = i; j < pending.Count && !pending[j].IsParticle; j++)
            {
                wordsAfter++;
            }

            if (wordsAfter >= 2)
            {
                Emit(text, pending, from, particleStart, segments);
                from = i;
            }
        }

        Emit(text, pending, from, pending.Count, segments);
        pending.Clear();
    }

    private static void Emit(string text, List<Token> tokens, int from, int to, List<Segment> segments)
    {
        while (from < to && tokens[from].IsParticle)
        {
            from++;
        }

        while (to > from && tokens[to - 1].IsParticle)
        {
            to--;
        }

        var capitalised = 0;
        var hasRealWord = false;
        for (var i = from; i < to; i++)
        {
            if (!tokens[i].IsParticle)
            {
                capitalised++;
                hasRealWord |= !IsCapitalisedParticle(text, tokens[i]);
            }
        }

        // "Van" left over from "Van Swietenlaan 5" is not a name.
        if (hasRealWord)
        {
            var last = tokens[to - 1];
            segments.Add(new Segment(tokens[from].Start, last.Start + last.Length, capitalised));
        }
    }

    private static bool IsCapitalisedParticle(string text, Token token)
    {
        Span<char> lower = stackalloc char[4];
        return token.Length <= lower.Length
            && text.AsSpan(token.Start, token.Length).ToLowerInvariant(lower) == token.Length
            && NameWords.Particles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..token.Length]);
    }

    private static bool IsBreak(string text, Token token, List<PiiFinding> findings, out bool isDomain)
    {
        isDomain = false;
        if (Overlaps.Intersects(findings, token.Start, token.Start + token.Length))
        {
            return true;
        }

        if (token.IsParticle)
        {
            return false;
        }

        var word = text.AsSpan(token.Start, token.Length);
        if (NameWords.DomainWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            isDomain = true;
            return true;
        }

        return NameWords.FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static IEnumerable<Token> Tokens(string text, int start, int length)
    {
        var end = start + length;
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var tokenStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > tokenStart)
            {
                var isParticle = NameWords.Particles.GetAlternateLookup<ReadOnlySpan<char>>()
                    .Contains(text.AsSpan(tokenStart, i - tokenStart));
                yield return new Token(tokenStart, i - tokenStart, isParticle);
            }
        }
    }

    private static int LastEndingAtOrBefore(List<Segment> segments, int position)
    {
        int lo = 0, hi = segments.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (segments[mid].End <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static int FirstStartingAtOrAfter(List<PiiFinding> findings, int position)
    {
        int lo = 0, hi = findings.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (findings[mid].Start >= position)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }
}
