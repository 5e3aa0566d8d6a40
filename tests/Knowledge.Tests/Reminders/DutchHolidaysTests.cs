using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Knowledge.Tests.Reminders;

public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_KnownYears_MatchesPublishedDate(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DutchHolidays.Easter(year));

    [Fact]
    public void For_2025Default_ListsEveryHolidayInOrder() => Assert.Equal(
        [
            (D("2025-01-01"), "Nieuwjaarsdag"), (D("2025-04-20"), "Eerste Paasdag"), (D("2025-04-21"), "Tweede Paasdag"),
            (D("2025-04-26"), "Koningsdag"), (D("2025-05-05"), "Bevrijdingsdag"), (D("2025-05-29"), "Hemelvaartsdag"),
            (D("2025-06-08"), "Eerste Pinksterdag"), (D("2025-06-09"), "Tweede Pinksterdag"),
            (D("2025-12-25"), "Eerste Kerstdag"), (D("2025-12-26"), "Tweede Kerstdag"),
        ],
        DutchHolidays.For(2025, HolidayRules.Default));

    [Fact]
    public void For_2026Default_ListsEveryHolidayInOrder() => Assert.Equal(
        [
            (D("2026-01-01"), "Nieuwjaarsdag"), (D("2026-04-05"), "Eerste Paasdag"), (D("2026-04-06"), "Tweede Paasdag"),
            (D("2026-04-27"), "Koningsdag"), (D("2026-05-14"), "Hemelvaartsdag"),
            (D("2026-05-24"), "Eerste Pinksterdag"), (D("2026-05-25"), "Tweede Pinksterdag"),
            (D("2026-12-25"), "Eerste Kerstdag"), (D("2026-12-26"), "Tweede Kerstdag"),
        ],
        DutchHolidays.For(2026, HolidayRules.Default));

    [Fact]
    public void For_2026AllFlagsOn_AddsGoodFridayAndLiberationDay()
    {
        var rules = new HolidayRules { GoodFridayIsHoliday = true, LiberationDay = LiberationDayRule.EveryYear };
        var days = DutchHolidays.For(2026, rules);

        Assert.Equal(11, days.Count);
        Assert.Contains((D("2026-04-03"), "Goede Vrijdag"), days);
        Assert.Contains((D("2026-05-05"), "Bevrijdingsdag"), days);
    }

    [Theory]
    [InlineData(2025, "2025-04-26")]
    [InlineData(2026, "2026-04-27")]
    [InlineData(2030, "2030-04-27")]
    [InlineData(2031, "2031-04-26")]
    [InlineData(2036, "2036-04-26")]
    [InlineData(2013, "2013-04-30")]
    public void KingsDay_SundayRule_MovesToSaturday(int year, string expected)
    {
        var sundayYear = new DateOnly(year, 4, year >= 2014 ? 27 : 30).DayOfWeek == DayOfWeek.Sunday;
        var day = DutchHolidays.For(year, HolidayRules.Default).Single(h => h.Name is "Koningsdag" or "Koninginnedag").Date;

        Assert.Equal(DateOnly.Parse(expected), day);
        Assert.Equal(sundayYear, day.Day is 26 or 29);
    }

    [Theory]
    [InlineData(2025, LiberationDayRule.LustrumYearsOnly, true)]
    [InlineData(2026, LiberationDayRule.LustrumYearsOnly, false)]
    [InlineData(2029, LiberationDayRule.LustrumYearsOnly, false)]
    [InlineData(2030, LiberationDayRule.LustrumYearsOnly, true)]
    [InlineData(2026, LiberationDayRule.EveryYear, true)]
    [InlineData(2025, LiberationDayRule.Never, false)]
    public void IsPublicHoliday_LiberationDay_FollowsRule(int year, LiberationDayRule rule, bool expected) =>
        Assert.Equal(expected, DutchHolidays.IsPublicHoliday(new DateOnly(year, 5, 5), new HolidayRules { LiberationDay = rule }));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void IsPublicHoliday_GoodFriday_FollowsFlag(bool flag, bool expected) =>
        Assert.Equal(expected, DutchHolidays.IsPublicHoliday(D("2026-04-03"), new HolidayRules { GoodFridayIsHoliday = flag }));

    [Theory]
    [InlineData("2026-04-27", "Koningsdag")]
    [InlineData("2026-05-14", "Hemelvaartsdag")]
    [InlineData("2026-04-28", null)]
    [InlineData("2026-12-24", null)]
    public void NameOf_Date_ReturnsDutchName(string date, string? expected) =>
        Assert.Equal(expected, DutchHolidays.NameOf(D(date), HolidayRules.Default));

    private static DateOnly D(string text) => DateOnly.Parse(text);
}
