using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Knowledge.Tests.Reminders;

public sealed class NudgePlannerTests
{
    // Each row: due date → the planned nudges as "Kind localDate utcInstant".
    [Theory]
    [InlineData("2027-01-15", "Before 2027-01-08 08:00Z", "OnTheDay 2027-01-15 08:00Z", "Overdue 2027-01-18 08:00Z")]
    [InlineData("2027-01-01", "Before 2026-12-24 08:00Z", "OnTheDay 2027-01-04 08:00Z", "Overdue 2027-01-05 08:00Z")]
    [InlineData("2026-12-26", "Before 2026-12-18 08:00Z", "OnTheDay 2026-12-28 08:00Z", "Overdue 2026-12-29 08:00Z")]
    [InlineData("2026-04-06", "Before 2026-03-30 07:00Z", "OnTheDay 2026-04-07 07:00Z", "Overdue 2026-04-08 07:00Z")]
    [InlineData("2026-05-14", "Before 2026-05-07 07:00Z", "OnTheDay 2026-05-15 07:00Z", "Overdue 2026-05-18 07:00Z")]
    [InlineData("2026-05-25", "Before 2026-05-18 07:00Z", "OnTheDay 2026-05-26 07:00Z", "Overdue 2026-05-27 07:00Z")]
    [InlineData("2026-06-01", "Before 2026-05-22 07:00Z", "OnTheDay 2026-06-01 07:00Z", "Overdue 2026-06-02 07:00Z")]
    public void Plan_DefaultPolicy_SkipsWeekendsAndHolidays(string due, params string[] expected) =>
        Assert.Equal(expected, Describe(NudgePlanner.Plan(D(due), NudgePolicy.Default)));

    // Last Sunday of March 2026 is the 29th, of October the 25th: 09:00 local is 08:00Z in winter, 07:00Z in summer.
    [Theory]
    [InlineData("2026-04-03", "Before 2026-03-27 08:00Z", "OnTheDay 2026-04-03 07:00Z", "Overdue 2026-04-07 07:00Z")]
    [InlineData("2026-03-29", "Before 2026-03-20 08:00Z", "OnTheDay 2026-03-30 07:00Z", "Overdue 2026-03-31 07:00Z")]
    [InlineData("2026-10-30", "Before 2026-10-23 07:00Z", "OnTheDay 2026-10-30 08:00Z", "Overdue 2026-11-02 08:00Z")]
    [InlineData("2026-10-26", "Before 2026-10-19 07:00Z", "OnTheDay 2026-10-26 08:00Z", "Overdue 2026-10-27 08:00Z")]
    public void Plan_AcrossDaylightSaving_KeepsNineLocal(string due, params string[] expected) =>
        Assert.Equal(expected, Describe(NudgePlanner.Plan(D(due), NudgePolicy.Default)));

    [Theory]
    [InlineData("2026-03-27", 1)] // Friday before the switch: CET
    [InlineData("2026-03-30", 2)] // Monday after: CEST
    [InlineData("2026-10-23", 2)]
    [InlineData("2026-10-26", 1)]
    public void Plan_LocalTime_HasAmsterdamOffset(string due, int hours)
    {
        var onTheDay = NudgePlanner.Plan(D(due), NudgePolicy.Default).Single(n => n.Kind == NudgeKind.OnTheDay);
        var local = NudgePolicy.Default.ToLocal(onTheDay.At);

        Assert.Equal(TimeSpan.Zero, onTheDay.At.Offset);
        Assert.Equal(TimeSpan.FromHours(hours), local.Offset);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local.DateTime));
    }

    [Fact]
    public void Plan_GoodFridayOff_MovesOnTheDayPastEaster()
    {
        var policy = NudgePolicy.Default with { Holidays = new HolidayRules { GoodFridayIsHoliday = true } };

        Assert.Equal(
            ["Before 2026-03-27 08:00Z", "OnTheDay 2026-04-07 07:00Z", "Overdue 2026-04-08 07:00Z"],
            Describe(NudgePlanner.Plan(D("2026-04-03"), policy)));
    }

    [Fact]
    public void Plan_NamedTime_UsedOnTheDayOnly() => Assert.Equal(
        ["Before 2027-01-08 08:00Z", "OnTheDay 2027-01-15 13:00Z", "Overdue 2027-01-18 08:00Z"],
        Describe(NudgePlanner.Plan(D("2027-01-15"), NudgePolicy.Default, onTheDayAt: new TimeOnly(14, 0))));

    [Fact]
    public void Plan_NotBefore_DropsNudgesAlreadyPast() => Assert.Equal(
        ["OnTheDay 2027-01-15 08:00Z", "Overdue 2027-01-18 08:00Z"],
        Describe(NudgePlanner.Plan(D("2027-01-15"), NudgePolicy.Default, notBefore: Utc("2027-01-12T10:00:00Z"))));

    [Fact]
    public void Plan_OffsetsCollapsingOnOneDay_SentOnce()
    {
        // Due on a Monday: "1 day before" (Sunday) and "3 days before" (Friday) both land on Friday 09:00.
        var policy = NudgePolicy.Default with { Offsets = [new(-3, NudgePolicy.NineAm), new(-1, NudgePolicy.NineAm), new(0, NudgePolicy.NineAm)] };

        Assert.Equal(
            ["Before 2027-01-15 08:00Z", "OnTheDay 2027-01-18 08:00Z", "Overdue 2027-01-19 08:00Z"],
            Describe(NudgePlanner.Plan(D("2027-01-18"), policy)));
    }

    [Fact]
    public void Plan_NoOverdue_OnlyOffsets() => Assert.Equal(
        ["Before 2027-01-08 08:00Z", "OnTheDay 2027-01-15 08:00Z"],
        Describe(NudgePlanner.Plan(D("2027-01-15"), NudgePolicy.Default with { OverdueNextWorkingDay = false })));

    [Theory]
    [InlineData("2027-01-14T12:00:00Z", "2027-01-18T08:00:00Z")] // before the due date
    [InlineData("2027-01-16T10:00:00Z", "2027-01-18T08:00:00Z")] // Saturday after: Monday 09:00
    [InlineData("2027-01-18T08:30:00Z", "2027-01-19T08:00:00Z")] // just missed Monday's
    [InlineData("2027-02-10T07:00:00Z", "2027-02-10T08:00:00Z")] // long overdue, still before 09:00 today
    [InlineData("2027-02-10T12:00:00Z", "2027-02-11T08:00:00Z")]
    [InlineData("2027-03-26T12:00:00Z", "2027-03-30T07:00:00Z")] // Friday, then DST and Tweede Paasdag 2027 (29 March)
    public void NextOverdueNudge_Now_IsNextWorkingDayNine(string now, string expected)
    {
        var nudge = NudgePlanner.NextOverdueNudge(D("2027-01-15"), Utc(now), NudgePolicy.Default);

        Assert.NotNull(nudge);
        Assert.Equal(NudgeKind.Overdue, nudge.Kind);
        Assert.Equal(Utc(expected), nudge.At);
    }

    [Fact]
    public void NextOverdueNudge_PolicyWithout_ReturnsNull() =>
        Assert.Null(NudgePlanner.NextOverdueNudge(D("2027-01-15"), Utc("2027-01-16T10:00:00Z"), NudgePolicy.Default with { OverdueNextWorkingDay = false }));

    [Theory]
    [InlineData("2026-11-23", 6, "2027-01-04")]
    [InlineData("2026-11-13", 6, "2026-12-24")] // would be Eerste Kerstdag: moved back, stays within 6 weeks
    [InlineData("2026-04-02", 6, "2026-05-13")] // would be Hemelvaartsdag
    [InlineData("2026-11-23", 4, "2026-12-21")]
    public void ProposeEvaluationDate_Start_SameWeekdayOnAWorkingDay(string start, int weeks, string expected) =>
        Assert.Equal(D(expected), NudgePlanner.ProposeEvaluationDate(D(start), NudgePolicy.Default, weeks));

    [Theory]
    [InlineData("2026-09-01", "2026-11-23", false)] // 83 days
    [InlineData("2026-09-01", "2026-11-24", true)] // 84 days = 12 weeks
    [InlineData("2026-09-01", "2027-02-12", true)] // 164 days, the voluntary average
    [InlineData("2026-11-23", "2026-11-23", false)]
    public void IsLongRunning_Age_FlagsFromTwelveWeeks(string start, string today, bool expected) =>
        Assert.Equal(expected, NudgePlanner.IsLongRunning(D(start), D(today)));

    [Theory]
    [InlineData("2026-12-24T15:00:00Z", "2026-12-28T08:00:00Z")] // over Christmas and the weekend
    [InlineData("2026-03-27T10:00:00Z", "2026-03-30T07:00:00Z")] // over the spring switch
    [InlineData("2026-11-23T23:30:00Z", "2026-11-25T08:00:00Z")] // 00:30 local on Tuesday already
    [InlineData("2026-11-23T06:00:00Z", "2026-11-24T08:00:00Z")]
    public void Tomorrow_Now_NextWorkingDayAtNine(string now, string expected) =>
        Assert.Equal(Utc(expected), NudgePlanner.Tomorrow(Utc(now), NudgePolicy.Default));

    [Theory]
    [InlineData("2026-12-01", "2027-01-04")]
    [InlineData("2027-01-04", "2027-02-15")]
    [InlineData("2027-03-01", "2027-03-29")]
    [InlineData("2027-05-10", null)]
    public void NextOccurrence_EverySixWeeksUntilJune_StepsAndEnds(string after, string? expected)
    {
        var schedule = new Schedule(D("2027-01-04"), Schedule.DefaultTime, new Interval(6, IntervalUnit.Weeks), D("2027-06-01"));

        Assert.Equal(expected is null ? null : D(expected), NudgePlanner.NextOccurrence(schedule, D(after)));
    }

    [Fact]
    public void Occurrences_MonthlyFromThe31st_ClampsWithoutDrift()
    {
        var schedule = new Schedule(D("2027-01-31"), Schedule.DefaultTime, new Interval(1, IntervalUnit.Months));

        Assert.Equal([D("2027-01-31"), D("2027-02-28"), D("2027-03-31"), D("2027-04-30")], schedule.Occurrences(4));
        Assert.Equal(D("2027-03-31"), schedule.NextOccurrence(D("2027-02-28")));
    }

    [Fact]
    public void NextOccurrence_OneOff_OnlyBeforeIt()
    {
        var schedule = new Schedule(D("2027-01-15"), Schedule.DefaultTime);

        Assert.Equal(D("2027-01-15"), schedule.NextOccurrence(D("2027-01-14")));
        Assert.Null(schedule.NextOccurrence(D("2027-01-15")));
    }

    [Theory]
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:30:00Z")] // in the spring gap: moved to 03:30 CEST
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // twice in autumn: the first (CEST)
    [InlineData("2026-10-25", "09:00", "2026-10-25T08:00:00Z")]
    [InlineData("2026-03-29", "09:00", "2026-03-29T07:00:00Z")]
    public void WallClock_SwitchDays_ConvertsExistingInstant(string date, string time, string expected) =>
        Assert.Equal(Utc(expected), WallClock.ToUtc(D(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), NudgePolicy.Default.TimeZone));

    private static string[] Describe(IReadOnlyList<PlannedNudge> nudges) =>
        [.. nudges.Select(n => $"{n.Kind} {n.LocalDate:yyyy-MM-dd} {n.At.UtcDateTime:HH:mm}Z")];

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
