namespace ExpertBot.Knowledge.Reminders;

public enum ClarificationReason
{
    /// <summary>A reminder was asked for without any date.</summary>
    NoDate,

    /// <summary>The date lies before today ("15 januari 2020").</summary>
    DateInPast,

    /// <summary>A named date without a year is today: today, or next year? Asked rather than guessed.</summary>
    DateIsToday,

    /// <summary>"eind januari", "04/03" in English, "next Friday" said early in the week, two different dates.</summary>
    AmbiguousDate,

    /// <summary>"31 februari", "2027-13-01".</summary>
    InvalidDate,

    /// <summary>The weekday does not match the date ("dinsdag 15 januari" when 15 January is a Friday).</summary>
    WeekdayMismatch,

    /// <summary>"om 2 uur": 02:00 or 14:00?</summary>
    AmbiguousTime,

    /// <summary>"om 25:00".</summary>
    InvalidTime,

    /// <summary>A recurrence whose end date lies before its first occurrence.</summary>
    UntilBeforeFirst,
}

/// <summary>What <see cref="ReminderDateReader"/> made of a message.</summary>
public abstract record ReminderParse
{
    private ReminderParse()
    {
    }

    /// <summary>A complete reminder. <see cref="Subject"/> is at most ~80 characters.</summary>
    public sealed record Understood(Schedule Schedule, string? CaseReference, string? Subject) : ReminderParse;

    /// <summary>
    /// The bot must ask back. <see cref="Suggestions"/> (possibly empty) are complete schedules to offer as choices;
    /// the case reference and subject are kept so a chosen suggestion needs no second parse.
    /// </summary>
    public sealed record NeedsClarification(
        ClarificationReason Reason,
        IReadOnlyList<Schedule> Suggestions,
        string? CaseReference,
        string? Subject) : ReminderParse;

    public sealed record NotAReminder : ReminderParse
    {
        public static NotAReminder Instance { get; } = new();
    }
}
