using System.Text.RegularExpressions;

namespace ExpertBot.Knowledge.Privacy;

internal readonly record struct DateCandidate(int Start, int Length, bool HasYear)
{
    public int End => Start + Length;
}

// Detectors whose values have a fixed shape: a pattern finds candidates, code confirms them.
internal static class StructuredDetectors
{
    public static void AddBsns(string text, List<PiiFinding> findings)
    {
        foreach (var m in Safe.Matches(PiiPatterns.Bsn(), text))
        {
            if (Checksums.IsElfproef(m.ValueSpan))
            {
                findings.Add(new PiiFinding(PiiKind.Bsn, m.Index, m.Length));
            }
        }
    }

    public static void AddPhones(string text, List<PiiFinding> findings)
    {
        Span<char> digits = stackalloc char[9];
        foreach (var m in Safe.Matches(PiiPatterns.Phone(), text))
        {
            var count = 0;
            foreach (var c in m.Groups["rest"].ValueSpan)
            {
                if (char.IsAsciiDigit(c) && count < digits.Length)
                {
                    digits[count++] = c;
                }
            }

            if (count == digits.Length && IsPersonalNumber(digits))
            {
                findings.Add(new PiiFinding(PiiKind.Phone, m.Index, m.Length));
            }
        }
    }

    // National significant number (after the 0). Service and company numbers are public, not personal:
    // 0800 free, 090x paid, 088 company-wide.
    private static bool IsPersonalNumber(ReadOnlySpan<char> nsn) =>
        nsn[0] != '0'
        && !nsn.StartsWith("800")
        && !nsn.StartsWith("88")
        && !nsn.StartsWith("90");

    public static void AddEmails(string text, List<PiiFinding> findings)
    {
        foreach (var m in Safe.Matches(PiiPatterns.Email(), text))
        {
            var local = m.Groups["local"].ValueSpan;
            var domain = m.Groups["domain"].ValueSpan;
            var tld = domain[(domain.LastIndexOf('.') + 1)..];
            if (local[0] != '.' && local[^1] != '.' && tld.Length >= 2 && IsAllLetters(tld))
            {
                findings.Add(new PiiFinding(PiiKind.Email, m.Index, m.Length));
            }
        }
    }

    public static void AddIbans(string text, List<PiiFinding> findings)
    {
        Span<char> compact = stackalloc char[34];
        foreach (var m in Safe.Matches(PiiPatterns.Iban(), text))
        {
            if (!Checksums.TryGetIbanLength(m.ValueSpan[..2], out var ibanLength))
            {
                continue;
            }

            // The pattern is greedy; cut it at the country's length and require a word boundary there.
            var count = 0;
            var end = m.Index;
            while (end < m.Index + m.Length && count < ibanLength)
            {
                if (text[end] != ' ')
                {
                    compact[count++] = text[end];
                }

                end++;
            }

            var atBoundary = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (count == ibanLength && atBoundary && Checksums.IsMod97Valid(compact[..count]))
            {
                findings.Add(new PiiFinding(PiiKind.Iban, m.Index, end - m.Index));
            }
        }
    }

    public static void AddAddresses(string text, List<PiiFinding> findings)
    {
        foreach (var m in Safe.Matches(PiiPatterns.StreetAddress(), text))
        {
            var street = m.Groups["street"];
            var pre = m.Groups["pre"];
            var start = street.Index;
            if (IsBareStreetSuffix(street.ValueSpan))
            {
                // "Grote Markt 1" and "op Markt 5" are addresses; "Jan van Dijk 12 jaar" is a surname.
                var before = pre.Success ? pre.ValueSpan : TextRules.PreviousWord(text, street.Index);
                if (IsParticle(before))
                {
                    continue;
                }

                start = pre.Success ? pre.Index : street.Index;
            }

            findings.Add(new PiiFinding(PiiKind.PostcodeAddress, start, m.Index + m.Length - start));
        }

        foreach (var m in Safe.Matches(PiiPatterns.Postcode(), text))
        {
            var city = m.Groups["city"];
            var realCity = city.Success && !IsNameStopWord(city.ValueSpan);
            var end = realCity || !city.Success ? m.Index + m.Length : m.Groups["code"].Index + m.Groups["code"].Length;

            // "sinds 2024 JB Noord": youth-care abbreviations after a year, not a postcode.
            if (m.Groups["letters"].ValueSpan is "GI" or "JB" or "JR" && !realCity && !m.Groups["number"].Success)
            {
                continue;
            }

            findings.Add(new PiiFinding(PiiKind.PostcodeAddress, m.Index, end - m.Index));
        }
    }

    private static bool IsNameStopWord(ReadOnlySpan<char> word) =>
        NameWords.Organisations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || NameWords.FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsParticle(ReadOnlySpan<char> word) =>
        NameWords.Particles.Contains(word.ToString().ToLowerInvariant());

    private static bool IsBareStreetSuffix(ReadOnlySpan<char> word) =>
        word.ToString().ToLowerInvariant() is "straat" or "weg" or "laan" or "plein" or "kade" or "singel"
            or "gracht" or "dijk" or "pad" or "hof" or "steeg" or "dreef" or "park" or "markt" or "erf" or "wal"
            or "zijl" or "diep";

    public static List<DateCandidate> FindDates(string text)
    {
        var dates = new List<DateCandidate>();
        foreach (var m in Safe.Matches(PiiPatterns.NumericDate(), text))
        {
            if (IsDayMonth(m.Groups["d"].ValueSpan, m.Groups["m"].ValueSpan))
            {
                dates.Add(new DateCandidate(m.Index, m.Length, HasYear: true));
            }
        }

        foreach (var m in Safe.Matches(PiiPatterns.TextualDate(), text))
        {
            if (int.TryParse(m.Groups["d"].ValueSpan, out var day) && day is >= 1 and <= 31)
            {
                dates.Add(new DateCandidate(m.Index, m.Length, m.Groups["y"].Success));
            }
        }

        dates.Sort((a, b) => a.Start.CompareTo(b.Start));
        return dates;
    }

    // Day-month or, for "DOB: 12/31/2015", month-day.
    private static bool IsDayMonth(ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        int.TryParse(first, out var a) && int.TryParse(second, out var b)
        && ((a is >= 1 and <= 31 && b is >= 1 and <= 12) || (a is >= 1 and <= 12 && b is >= 1 and <= 31));

    private static bool IsAllLetters(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}

internal static class Safe
{
    // A timed-out pattern yields what it found so far instead of failing the caller: Scan never throws.
    public static List<Match> Matches(Regex regex, string text, int startAt = 0)
    {
        var matches = new List<Match>();
        try
        {
            for (var m = regex.Match(text, startAt); m.Success; m = m.NextMatch())
            {
                matches.Add(m);
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return matches;
    }

    public static Match? MatchAt(Regex regex, string text, int position)
    {
        try
        {
            var m = regex.Match(text, position);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
