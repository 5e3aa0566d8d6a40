namespace ExpertBot.Knowledge.Privacy;

internal static class Overlaps
{
    /// <summary>
    /// Keeps the longer of two overlapping findings, on a tie the more specific kind, and returns them by start.
    /// </summary>
    public static List<PiiFinding> Resolve(IEnumerable<PiiFinding> candidates)
    {
        var kept = new List<PiiFinding>();
        var ordered = candidates
            .Where(f => f.Length > 0)
            .OrderByDescending(f => f.Length)
            .ThenBy(f => Specificity(f.Kind))
            .ThenBy(f => f.Start);
        foreach (var candidate in ordered)
        {
            var index = InsertionIndex(kept, candidate.Start);
            var overlapsPrevious = index > 0 && kept[index - 1].End > candidate.Start;
            var overlapsNext = index < kept.Count && kept[index].Start < candidate.End;
            if (!overlapsPrevious && !overlapsNext)
            {
                kept.Insert(index, candidate);
            }
        }

        return kept;
    }

    /// <summary>True when [start, end) shares a character with any of the sorted, non-overlapping findings.</summary>
    public static bool Intersects(List<PiiFinding> sorted, int start, int end)
    {
        var index = InsertionIndex(sorted, start);
        return (index > 0 && sorted[index - 1].End > start) || (index < sorted.Count && sorted[index].Start < end);
    }

    // Checksummed values first; a name is the least certain finding.
    private static int Specificity(PiiKind kind) => kind switch
    {
        PiiKind.Iban => 0,
        PiiKind.Bsn => 1,
        PiiKind.Email => 2,
        PiiKind.Phone => 3,
        PiiKind.DateOfBirth => 4,
        PiiKind.PostcodeAddress => 5,
        _ => 6,
    };

    // First index whose finding starts after start (so equal starts land after, and the previous one is checked).
    private static int InsertionIndex(List<PiiFinding> sorted, int start)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Start <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
