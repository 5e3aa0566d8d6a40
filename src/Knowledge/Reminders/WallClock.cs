namespace ExpertBot.Knowledge.Reminders;

internal static class WallClock
{
    /// <summary>
    /// The UTC instant of a local date and time. A time in the spring-forward gap moves forward past the gap
    /// (02:30 → 03:30); a time that occurs twice in autumn takes the first (summer-time) occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && local <= r.DateEnd)?.DaylightDelta
                ?? TimeSpan.FromHours(1);
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
