namespace ExpertBot.Knowledge.Reminders;

/// <summary>Turns a due date into nudge instants. Pure: "now" is always a parameter.</summary>
public static class NudgePlanner
{
    /// <summary>
    /// The nudges for <paramref name="dueDate"/>, in time order. A "before" nudge that lands on a weekend or holiday
    /// moves to the previous working day (still ahead of the date, so there is time to prepare); an on-the-day nudge
    /// moves to the next working day (never earlier than the day the user named); the overdue nudge is the first
    /// working day after that. Nudges landing on the same instant are sent once (the earliest kind wins).
    /// </summary>
    /// <param name="onTheDayAt">The time the user named for the reminder ("om 14:00"); null takes the policy's time.</param>
    /// <param name="notBefore">Drops nudges at or before this instant, e.g. a "7 days before" for a date 3 days away.</param>
    public static IReadOnlyList<PlannedNudge> Plan(
        DateOnly dueDate, NudgePolicy policy, TimeOnly? onTheDayAt = null, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var zone = policy.TimeZone;
        var rules = policy.Holidays;
        var nudges = new List<PlannedNudge>();
        foreach (var offset in policy.Offsets)
        {
            var day = dueDate.AddDays(offset.Days);
            var kind = offset.Kind;
            day = kind == NudgeKind.Before ? WorkingDays.OnOrBefore(day, rules) : WorkingDays.OnOrAfter(day, rules);
            var time = kind == NudgeKind.OnTheDay && onTheDayAt is { } named ? named : offset.At;
            nudges.Add(new PlannedNudge(kind, WallClock.ToUtc(day, time, zone), day));
        }

        if (policy.OverdueNextWorkingDay)
        {
            var day = FirstOverdueDay(dueDate, rules);
            nudges.Add(new PlannedNudge(NudgeKind.Overdue, WallClock.ToUtc(day, policy.OverdueAt, zone), day));
        }

        return
        [
            .. nudges
                .Where(n => notBefore is null || n.At > notBefore)
                .OrderBy(n => n.At)
                .ThenBy(n => n.Kind)
                .DistinctBy(n => n.At),
        ];
    }

    /// <summary>
    /// The next overdue nudge strictly after <paramref name="now"/>: the first working day after the (working-day
    /// adjusted) due date, or, once that has passed, the next working day at the overdue time. Null when the policy
    /// has no overdue nudge. Whether to keep nudging every working day is the caller's choice.
    /// </summary>
    public static PlannedNudge? NextOverdueNudge(DateOnly dueDate, DateTimeOffset now, NudgePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.OverdueNextWorkingDay)
        {
            return null;
        }

        var zone = policy.TimeZone;
        var rules = policy.Holidays;
        var day = FirstOverdueDay(dueDate, rules);
        var today = WallClock.LocalDate(now, zone);
        if (day < today)
        {
            day = WorkingDays.OnOrAfter(today, rules);
        }

        var at = WallClock.ToUtc(day, policy.OverdueAt, zone);
        if (at <= now)
        {
            day = WorkingDays.NextWorkingDay(day, rules);
            at = WallClock.ToUtc(day, policy.OverdueAt, zone);
        }

        return new PlannedNudge(NudgeKind.Overdue, at, day);
    }

    /// <summary>
    /// An evaluation date for an engagement registered without one: the same weekday <paramref name="weeks"/> weeks
    /// later, moved back to a working day when needed so the proposal stays within the term.
    /// </summary>
    public static DateOnly ProposeEvaluationDate(DateOnly engagementStart, NudgePolicy policy, int weeks = 6)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return WorkingDays.OnOrBefore(engagementStart.AddDays(7 * weeks), policy.Holidays);
    }

    /// <summary>
    /// True once an engagement has been open <paramref name="weeks"/> weeks or more. Twelve weeks (84 days) is just
    /// past the ~78 days after which engagements that end in a measure had it decided (GI figures 2015; the average
    /// voluntary engagement took ~164 days), so a case still open then deserves a look.
    /// </summary>
    public static bool IsLongRunning(DateOnly engagementStart, DateOnly today, int weeks = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return today.DayNumber - engagementStart.DayNumber >= 7 * weeks;
    }

    /// <summary>"Remind me tomorrow": the next working day after <paramref name="now"/>'s local date, at the snooze time.</summary>
    public static DateTimeOffset Tomorrow(DateTimeOffset now, NudgePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var zone = policy.TimeZone;
        var day = WorkingDays.NextWorkingDay(WallClock.LocalDate(now, zone), policy.Holidays);
        return WallClock.ToUtc(day, policy.SnoozeAt, zone);
    }

    /// <summary>The schedule's first occurrence strictly after <paramref name="after"/>; null once it has ended.</summary>
    public static DateOnly? NextOccurrence(Schedule schedule, DateOnly after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.NextOccurrence(after);
    }

    private static DateOnly FirstOverdueDay(DateOnly dueDate, HolidayRules rules) =>
        WorkingDays.NextWorkingDay(WorkingDays.OnOrAfter(dueDate, rules), rules);
}
