namespace ExpertBot.Knowledge.Reminders;

/// <summary>A planned nudge as the scheduler stores it: whose it is and which reminder it belongs to.</summary>
public sealed record ScheduledNudge(string UserId, string ReminderId, PlannedNudge Nudge);

/// <summary>One reminder in a catch-up message: its latest due nudge, and the earlier ones it replaces.</summary>
public sealed record CatchUpItem(string ReminderId, PlannedNudge Nudge, bool IsLate, IReadOnlyList<PlannedNudge> Superseded);

/// <summary>One message to one user, listing every reminder that is due.</summary>
public sealed record CatchUpMessage(string UserId, IReadOnlyList<CatchUpItem> Items)
{
    public bool IsLate => Items.Any(i => i.IsLate);
}

/// <summary>
/// What to send after downtime (or on any scheduler tick): of the unsent nudges due at <c>now</c>, only the latest of
/// each reminder, one message per user. The scheduler marks the chosen and the superseded nudges as handled.
/// </summary>
public static class CatchUp
{
    /// <summary>A nudge this much older than <c>now</c> is reported as late ("sorry, this comes late").</summary>
    public static TimeSpan DefaultLateAfter { get; } = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<CatchUpMessage> Select(
        IReadOnlyList<ScheduledNudge> pending, DateTimeOffset now, TimeSpan? lateAfter = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var threshold = now - (lateAfter ?? DefaultLateAfter);
        return
        [
            .. pending
                .Where(p => p.Nudge.At <= now)
                .GroupBy(p => p.UserId, StringComparer.Ordinal)
                .OrderBy(user => user.Key, StringComparer.Ordinal)
                .Select(user => new CatchUpMessage(
                    user.Key,
                    [
                        .. user
                            .GroupBy(p => p.ReminderId, StringComparer.Ordinal)
                            .Select(reminder =>
                            {
                                var ordered = reminder.Select(p => p.Nudge).OrderBy(n => n.At).ThenBy(n => n.Kind).ToList();
                                var latest = ordered[^1];
                                return new CatchUpItem(reminder.Key, latest, latest.At < threshold, ordered[..^1]);
                            })
                            .OrderBy(i => i.Nudge.At)
                            .ThenBy(i => i.ReminderId, StringComparer.Ordinal),
                    ])),
        ];
    }
}
