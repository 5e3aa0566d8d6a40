namespace ExpertBot.Knowledge.Privacy;

// A date is a date of birth when a birth cue ("geboren", "geb.", "DOB", "*") comes shortly before it in the
// same clause. Dates attached to a name are handled by NameDetector, which knows where names are.
internal static class BirthDates
{
    private const int CueWindow = 64;
    private const int MaxWordsBetween = 3;

    public static void AddCued(string text, IReadOnlyList<DateCandidate> dates, List<PiiFinding> findings)
    {
        foreach (var date in dates)
        {
            if (HasCueBefore(text, date.Start))
            {
                findings.Add(new PiiFinding(PiiKind.DateOfBirth, date.Start, date.Length));
            }
        }
    }

    private static bool HasCueBefore(string text, int dateStart)
    {
        // "* 12-03-2015": the genealogical star only counts right before the date, not as a list bullet.
        var before = text.AsSpan(0, dateStart).TrimEnd();
        if (before.Length > 0 && before[^1] == '*')
        {
            return true;
        }

        var windowStart = Math.Max(0, dateStart - CueWindow);
        var window = text.AsSpan(windowStart, dateStart - windowStart);
        var cueEnd = -1;
        try
        {
            foreach (var cue in PiiPatterns.BirthCue().EnumerateMatches(window))
            {
                cueEnd = cue.Index + cue.Length;
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }

        return cueEnd >= 0 && TextRules.IsSameClauseGap(window[cueEnd..], MaxWordsBetween, allowDigits: false);
    }
}
