using System.Globalization;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Knowledge.Tests.Reminders;

public sealed class CatchUpTests
{
    private static readonly DateTimeOffset Now = Utc("2027-01-18T10:00:00Z");

    [Fact]
    public void Select_AfterDowntime_LatestPerReminderCoalescedPerUser()
    {
        // Down from Thursday to Monday 11:00: anna missed r1's on-the-day and overdue nudge and r2's "before" nudge.
        ScheduledNudge[] pending =
        [
            Nudge("anna", "r1", NudgeKind.OnTheDay, "2027-01-15T08:00:00Z"),
            Nudge("anna", "r1", NudgeKind.Overdue, "2027-01-18T08:00:00Z"),
            Nudge("anna", "r2", NudgeKind.Before, "2027-01-15T08:00:00Z"),
            Nudge("anna", "r2", NudgeKind.OnTheDay, "2027-01-22T08:00:00Z"),
            Nudge("bram", "r3", NudgeKind.OnTheDay, "2027-01-18T09:50:00Z"),
            Nudge("carla", "r4", NudgeKind.Before, "2027-01-19T08:00:00Z"),
        ];

        var messages = CatchUp.Select(pending, Now);

        Assert.Equal(["anna", "bram"], messages.Select(m => m.UserId));
        var anna = messages[0];
        Assert.True(anna.IsLate);
        Assert.Equal(["r2 Before late", "r1 Overdue late"], anna.Items.Select(i => $"{i.ReminderId} {i.Nudge.Kind} {(i.IsLate ? "late" : "on time")}"));
        Assert.Equal([NudgeKind.OnTheDay], anna.Items[1].Superseded.Select(n => n.Kind));
        Assert.Empty(anna.Items[0].Superseded);

        var bram = Assert.Single(messages[1].Items);
        Assert.False(bram.IsLate);
        Assert.False(messages[1].IsLate);
    }

    [Fact]
    public void Select_NothingDue_NoMessages() =>
        Assert.Empty(CatchUp.Select([Nudge("anna", "r1", NudgeKind.Before, "2027-01-19T08:00:00Z")], Now));

    [Fact]
    public void Select_LateThreshold_Configurable()
    {
        ScheduledNudge[] pending = [Nudge("anna", "r1", NudgeKind.OnTheDay, "2027-01-18T09:00:00Z")];

        Assert.True(CatchUp.Select(pending, Now)[0].IsLate);
        Assert.False(CatchUp.Select(pending, Now, lateAfter: TimeSpan.FromHours(2))[0].IsLate);
    }

    [Fact]
    public void Select_SameReminderIdForTwoUsers_KeptApart()
    {
        ScheduledNudge[] pending =
        [
            Nudge("anna", "shared", NudgeKind.OnTheDay, "2027-01-18T08:00:00Z"),
            Nudge("bram", "shared", NudgeKind.OnTheDay, "2027-01-18T08:00:00Z"),
        ];

        Assert.Equal(2, CatchUp.Select(pending, Now).Count);
    }

    private static ScheduledNudge Nudge(string user, string reminder, NudgeKind kind, string at)
    {
        var instant = Utc(at);
        return new ScheduledNudge(user, reminder, new PlannedNudge(kind, instant, DateOnly.FromDateTime(instant.UtcDateTime)));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
