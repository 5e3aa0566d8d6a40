namespace ExpertBot.Knowledge.Reminders;

public enum NudgeKind
{
    Before,
    OnTheDay,
    Overdue,
}

/// <summary>A nudge <see cref="Days"/> relative to the due date (negative: before; 0: on the day) at a local time.</summary>
public sealed record NudgeOffset(int Days, TimeOnly At)
{
    public NudgeKind Kind => Days switch
    {
        < 0 => NudgeKind.Before,
        0 => NudgeKind.OnTheDay,
        _ => NudgeKind.Overdue,
    };
}

/// <summary>A nudge to send: when (UTC) and on which Europe/Amsterdam calendar day.</summary>
public sealed record PlannedNudge(NudgeKind Kind, DateTimeOffset At, DateOnly LocalDate);

/// <summary>
/// When to nudge about a due date. Defaults: 7 days before at 09:00, on the day at 09:00, and once overdue on the
/// next working day at 09:00; weekends and <see cref="HolidayRules.Default"/> holidays are skipped; Europe/Amsterdam.
/// </summary>
public sealed record NudgePolicy
{
    public static TimeOnly NineAm { get; } = new(9, 0);

    public IReadOnlyList<NudgeOffset> Offsets { get; init; } = [new(-7, NineAm), new(0, NineAm)];

    /// <summary>Whether to nudge on the first working day after the due date while the reminder is still open.</summary>
    public bool OverdueNextWorkingDay { get; init; } = true;

    public TimeOnly OverdueAt { get; init; } = NineAm;

    /// <summary>The local time of a "remind me tomorrow" snooze.</summary>
    public TimeOnly SnoozeAt { get; init; } = NineAm;

    public HolidayRules Holidays { get; init; } = HolidayRules.Default;

    /// <summary>IANA id; resolved with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> (Windows maps it through ICU).</summary>
    public string TimeZoneId { get; init; } = "Europe/Amsterdam";

    public static NudgePolicy Default { get; } = new();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>An instant as wall-clock time in the policy's zone (+01:00 in winter, +02:00 in summer).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
