namespace ExpertBot.Knowledge.Reminders;

/// <summary>When Bevrijdingsdag (5 May) counts as a day off.</summary>
public enum LiberationDayRule
{
    /// <summary>Only in lustrum years (divisible by 5: 2025, 2030, …), as most CAOs (collective agreements) have it.</summary>
    LustrumYearsOnly,
    EveryYear,
    Never,
}

/// <summary>
/// The employer-dependent part of the Dutch holiday calendar. The fixed and Easter-based days always count;
/// Goede Vrijdag and Bevrijdingsdag differ per CAO, so they are flags here.
/// </summary>
public sealed record HolidayRules
{
    /// <summary>Many youth-care employers do not give Goede Vrijdag off, so it is a working day by default.</summary>
    public bool GoodFridayIsHoliday { get; init; }

    public LiberationDayRule LiberationDay { get; init; } = LiberationDayRule.LustrumYearsOnly;

    public static HolidayRules Default { get; } = new();
}
