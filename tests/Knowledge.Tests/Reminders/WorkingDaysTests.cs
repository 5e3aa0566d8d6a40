using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Knowledge.Tests.Reminders;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-12-24", "2026-12-28")] // Christmas Friday/Saturday, then the weekend
    [InlineData("2026-12-31", "2027-01-04")] // Nieuwjaarsdag on Friday
    [InlineData("2025-12-24", "2025-12-29")] // Christmas Thursday/Friday
    [InlineData("2026-04-02", "2026-04-03")] // Goede Vrijdag is a working day by default
    [InlineData("2026-04-03", "2026-04-07")] // over Easter
    [InlineData("2026-05-13", "2026-05-15")] // Hemelvaartsdag
    [InlineData("2026-05-22", "2026-05-26")] // Pinksteren
    [InlineData("2026-04-24", "2026-04-28")] // Koningsdag on Monday
    [InlineData("2025-05-02", "2025-05-06")] // Bevrijdingsdag 2025 (lustrum) on Monday
    [InlineData("2026-05-04", "2026-05-05")] // Bevrijdingsdag 2026 is a working day
    [InlineData("2026-11-23", "2026-11-24")]
    public void NextWorkingDay_OverHolidays_SkipsThem(string from, string expected) =>
        Assert.Equal(D(expected), WorkingDays.NextWorkingDay(D(from), HolidayRules.Default));

    [Fact]
    public void NextWorkingDay_GoodFridayOff_SkipsItToo() =>
        Assert.Equal(D("2026-04-07"), WorkingDays.NextWorkingDay(D("2026-04-02"), new HolidayRules { GoodFridayIsHoliday = true }));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-28", "2026-11-30")]
    [InlineData("2026-12-25", "2026-12-28")]
    [InlineData("2027-01-01", "2027-01-04")]
    public void OnOrAfter_Date_ReturnsItselfOrNextWorkingDay(string date, string expected) =>
        Assert.Equal(D(expected), WorkingDays.OnOrAfter(D(date), HolidayRules.Default));

    [Theory]
    [InlineData("2026-12-28", "2026-12-24")]
    [InlineData("2027-01-04", "2026-12-31")]
    [InlineData("2026-04-07", "2026-04-03")]
    public void PreviousWorkingDay_AfterHolidays_GoesBackOverThem(string from, string expected) =>
        Assert.Equal(D(expected), WorkingDays.PreviousWorkingDay(D(from), HolidayRules.Default));

    [Theory]
    [InlineData("2026-11-28", false)]
    [InlineData("2026-11-29", false)]
    [InlineData("2026-05-25", false)]
    [InlineData("2026-11-27", true)]
    public void IsWorkingDay_Date_ExcludesWeekendsAndHolidays(string date, bool expected) =>
        Assert.Equal(expected, WorkingDays.IsWorkingDay(D(date), HolidayRules.Default));

    private static DateOnly D(string text) => DateOnly.Parse(text);
}
