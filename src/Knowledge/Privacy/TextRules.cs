namespace ExpertBot.Knowledge.Privacy;

// Small context rules shared by the date and name detectors: "same clause" and "sentence start".
internal static class TextRules
{
    private const int MaxGapLength = 48;

    /// <summary>
    /// True when <paramref name="gap"/> stays inside one clause (no line break, no sentence end, no ';')
    /// and holds at most <paramref name="maxWords"/> words. Dots are fine inside abbreviations ("geb.", "tel.").
    /// </summary>
    public static bool IsSameClauseGap(ReadOnlySpan<char> gap, int maxWords, bool allowDigits)
    {
        if (gap.Length > MaxGapLength)
        {
            return false;
        }

        var words = 0;
        var i = 0;
        while (i < gap.Length)
        {
            var c = gap[i];
            if (c is '\n' or '\r')
            {
                return false;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < gap.Length && !char.IsWhiteSpace(gap[i]))
            {
                i++;
            }

            var token = gap[start..i].Trim("()[]{},:\"'“”‘’«»-–—/");
            if (token.IsEmpty)
            {
                continue;
            }

            if (token.ContainsAny("!?;") || (!allowDigits && token.ContainsAnyInRange('0', '9')))
            {
                return false;
            }

            // "geb. 12-03-2015" continues the clause; "Assen. Evaluatie" ends it.
            if (token.Contains('.') && (!IsAbbreviation(token) || NextIsUpper(gap[i..])))
            {
                return false;
            }

            if (++words > maxWords)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when nothing but whitespace, quotes or list markers stand between <paramref name="start"/> and the
    /// start of the text, a line break or a sentence end.
    /// </summary>
    public static bool IsSentenceInitial(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '.' or '!' or '?')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && c is not ('"' or '\'' or '“' or '‘' or '(' or '*' or '•' or '-' or '–' or '>'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word that ends just before <paramref name="start"/> (skipping spaces), or empty.</summary>
    public static ReadOnlySpan<char> PreviousWord(string text, int start)
    {
        var end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text.AsSpan(begin, end - begin);
    }

    // "geb.", "tel.", "d.o.b.": short letter groups, each closed by a dot.
    private static bool IsAbbreviation(ReadOnlySpan<char> token)
    {
        if (token[^1] != '.')
        {
            return false;
        }

        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                if (++letters > 4)
                {
                    return false;
                }
            }
            else if (c == '.' && letters > 0)
            {
                letters = 0;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool NextIsUpper(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart();
        return !trimmed.IsEmpty && char.IsUpper(trimmed[0]);
    }
}
