namespace ExpertBot.Knowledge.Reminders;

/// <summary>The Dutch public holidays of a year, computed (no table to keep up to date).</summary>
public static class DutchHolidays
{
    /// <summary>Easter Sunday by the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm.</summary>
    public static DateOnly Easter(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The holidays of <paramref name="year"/> under <paramref name="rules"/>, in date order, with Dutch names.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year, HolidayRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var easter = Easter(year);
        var days = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (easter, "Eerste Paasdag"),
            (easter.AddDays(1), "Tweede Paasdag"),
            KingsDay(year),
            (easter.AddDays(39), "Hemelvaartsdag"),
            (easter.AddDays(49), "Eerste Pinksterdag"),
            (easter.AddDays(50), "Tweede Pinksterdag"),
            (new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            (new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };

        if (rules.GoodFridayIsHoliday)
        {
            days.Add((easter.AddDays(-2), "Goede Vrijdag"));
        }

        var liberation = rules.LiberationDay switch
        {
            LiberationDayRule.EveryYear => true,
            LiberationDayRule.LustrumYearsOnly => year % 5 == 0,
            _ => false,
        };
        if (liberation)
        {
            days.Add((new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }

        days.Sort((x, y) => x.Date.CompareTo(y.Date));
        return days;
    }

    public static bool IsPublicHoliday(DateOnly date, HolidayRules rules) => NameOf(date, rules) is not null;

    /// <summary>The holiday's Dutch name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly date, HolidayRules rules)
    {
        foreach (var (day, name) in For(date.Year, rules))
        {
            if (day == date)
            {
                return name;
            }
        }

        return null;
    }

    // Koningsdag since 2014 (27 April); Koninginnedag 1980–2013 (30 April). Both move to the Saturday before
    // when they fall on a Sunday. Earlier years kept the 30 April date; good enough for a reminder calendar.
    private static (DateOnly Date, string Name) KingsDay(int year)
    {
        var (day, name) = year >= 2014 ? (new DateOnly(year, 4, 27), "Koningsdag") : (new DateOnly(year, 4, 30), "Koninginnedag");
        return (day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day, name);
    }
}
