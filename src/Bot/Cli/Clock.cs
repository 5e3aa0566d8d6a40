namespace ExpertBot.Bot.Cli;

internal static class Clock
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Today's date in the Netherlands, where the casemanagers are.</summary>
    public static DateOnly TodayInNetherlands(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in the Netherlands, as an instant.</summary>
    public static DateTimeOffset StartOfDayInNetherlands(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }
}
