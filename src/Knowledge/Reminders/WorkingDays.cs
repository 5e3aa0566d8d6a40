namespace ExpertBot.Knowledge.Reminders;

/// <summary>Monday to Friday, minus the public holidays of <see cref="HolidayRules"/>.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date, HolidayRules rules) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsPublicHoliday(date, rules);

    /// <summary>The first working day strictly after <paramref name="from"/>.</summary>
    public static DateOnly NextWorkingDay(DateOnly from, HolidayRules rules) => OnOrAfter(from.AddDays(1), rules);

    /// <summary>The first working day strictly before <paramref name="from"/>.</summary>
    public static DateOnly PreviousWorkingDay(DateOnly from, HolidayRules rules) => OnOrBefore(from.AddDays(-1), rules);

    /// <summary><paramref name="date"/> itself when it is a working day, else the next one.</summary>
    public static DateOnly OnOrAfter(DateOnly date, HolidayRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        while (!IsWorkingDay(date, rules))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, else the previous one.</summary>
    public static DateOnly OnOrBefore(DateOnly date, HolidayRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        while (!IsWorkingDay(date, rules))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
