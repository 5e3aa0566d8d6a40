namespace ExpertBot.Knowledge.Reminders;

public enum IntervalUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>"every 6 weeks": a positive count of days, weeks or calendar months.</summary>
public sealed record Interval
{
    public Interval(int count, IntervalUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public IntervalUnit Unit { get; }

    /// <summary>
    /// The date <paramref name="times"/> intervals after <paramref name="start"/>. Months are counted from the
    /// start each time, so 31 January every month gives 28 February and then 31 March, not 28 March.
    /// </summary>
    public DateOnly After(DateOnly start, int times) => Unit switch
    {
        IntervalUnit.Days => start.AddDays(Count * times),
        IntervalUnit.Weeks => start.AddDays(7 * Count * times),
        _ => start.AddMonths(Count * times),
    };
}

/// <summary>
/// When a reminder is due: once on <see cref="First"/>, or every <see cref="Every"/> from there up to and including
/// <see cref="Until"/>. <see cref="Time"/> is Europe/Amsterdam wall-clock time (09:00 unless the user named one).
/// </summary>
public sealed record Schedule(DateOnly First, TimeOnly Time, Interval? Every = null, DateOnly? Until = null)
{
    public static TimeOnly DefaultTime { get; } = new(9, 0);

    public bool IsRecurring => Every is not null;

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the schedule has ended.</summary>
    public DateOnly? NextOccurrence(DateOnly after)
    {
        if (First > after)
        {
            return First <= (Until ?? DateOnly.MaxValue) ? First : null;
        }

        if (Every is null)
        {
            return null;
        }

        // Jump close to the answer for days and weeks; months step (at most 12 a year) from the start.
        var times = Every.Unit == IntervalUnit.Months
            ? Math.Max(1, (((after.Year - First.Year) * 12) + after.Month - First.Month) / Every.Count)
            : Math.Max(1, (after.DayNumber - First.DayNumber) / (Every.Unit == IntervalUnit.Days ? Every.Count : 7 * Every.Count));
        while (times > 1 && Every.After(First, times - 1) > after)
        {
            times--;
        }

        var next = Every.After(First, times);
        while (next <= after)
        {
            next = Every.After(First, ++times);
        }

        return next <= (Until ?? DateOnly.MaxValue) ? next : null;
    }

    /// <summary>The occurrences in order, at most <paramref name="max"/> of them.</summary>
    public IReadOnlyList<DateOnly> Occurrences(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var dates = new List<DateOnly>();
        DateOnly? next = First <= (Until ?? DateOnly.MaxValue) ? First : null;
        while (next is { } date && dates.Count < max)
        {
            dates.Add(date);
            next = NextOccurrence(date);
        }

        return dates;
    }
}
