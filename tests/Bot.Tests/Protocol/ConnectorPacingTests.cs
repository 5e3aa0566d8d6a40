using ExpertBot.Bot.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Protocol;

/// <summary>The booked send times, which are what Teams counts: every window must hold for them.</summary>
public sealed class ConnectorPacingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static (ConnectorPacing Pacing, FakeTimeProvider Time) Create(int perConversation = 7, int perTenant = 50)
    {
        var time = new FakeTimeProvider(Start);
        var options = Options.Create(new BotOptions { MessagesPerSecondPerConversation = perConversation, RequestsPerSecondPerTenant = perTenant });
        return (new ConnectorPacing(options, time), time);
    }

    [Fact]
    public void Reserve_BurstToOneThread_EveryWindowWithinTeamsLimits()
    {
        var (pacing, _) = Create();

        var sends = Enumerable.Range(0, 130).Select(_ => pacing.Reserve(new PacingKey("19:channel", "tenant-1"))).ToArray();

        Assert.Equal(sends.Order(), sends);
        // Each window plus the 0.1 s margin for arrival jitter.
        AssertAtMost(sends, 7, TimeSpan.FromSeconds(1.1));
        AssertAtMost(sends, 8, TimeSpan.FromSeconds(2.1));
        AssertAtMost(sends, 60, TimeSpan.FromSeconds(30.1));
        // Not slower than needed: 60 go within the first 30 s, the 61st right after the window.
        Assert.True(sends[59] < TimeSpan.FromSeconds(30), $"60th at {sends[59]}");
        Assert.InRange(sends[60], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public void Reserve_ManyThreadsOneTenant_FiftyPerSecondAndNoFaster()
    {
        var (pacing, _) = Create();

        var sends = Enumerable.Range(0, 500).Select(i => pacing.Reserve(new PacingKey($"a:{i % 26}", "tenant-1"))).Order().ToArray();

        AssertAtMost(sends, 50, TimeSpan.FromSeconds(1));
        // The tenant's rate is used nearly in full: 50 at once, the next 50 a second (plus a 0.1 s margin for
        // arrival jitter) later, … the 500th after 9 × 1.1 s.
        Assert.Equal(50, sends.Count(s => s == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(9 * 1.1), sends[^1]);
    }

    [Fact]
    public void Reserve_BusyThread_DoesNotHoldUpOtherThreadsOfTheTenant()
    {
        var (pacing, _) = Create();
        for (var i = 0; i < 40; i++)
        {
            pacing.Reserve(new PacingKey("19:busy", "tenant-1"));
        }

        var other = pacing.Reserve(new PacingKey("a:quiet", "tenant-1"));

        // The busy thread's bookings reach 5 s ahead, but they fill no one-second window of the tenant.
        Assert.Equal(TimeSpan.Zero, other);
    }

    [Fact]
    public void Reserve_TenantFullAndAThreadBookedFarAhead_OthersWaitOnlyForTheWindow()
    {
        var (pacing, _) = Create();
        for (var i = 0; i < 200; i++)
        {
            pacing.Reserve(new PacingKey("19:busy", "tenant-1"));
        }

        var others = Enumerable.Range(0, 60).Select(i => pacing.Reserve(new PacingKey($"a:{i}", "tenant-1"))).ToArray();

        // The busy thread holds 7 of the tenant's first window of 50 (its 8th waits for its own 1.1 s window);
        // the others fill the remaining 43 at once and then wait one window, not the busy thread's minutes of bookings.
        Assert.Equal(43, others.Count(t => t == TimeSpan.Zero));
        Assert.All(others, t => Assert.True(t <= TimeSpan.FromSeconds(1.1), $"waited {t}"));
    }

    [Fact]
    public void Reserve_TenantsAreIndependent()
    {
        var (pacing, _) = Create();
        for (var i = 0; i < 200; i++)
        {
            pacing.Reserve(new PacingKey($"a:{i}", "tenant-1"));
        }

        Assert.Equal(TimeSpan.Zero, pacing.Reserve(new PacingKey("a:0", "tenant-2")));
    }

    [Fact]
    public void Reserve_AfterQuietPeriod_SendsAtOnceAgain()
    {
        var (pacing, time) = Create();
        for (var i = 0; i < 60; i++)
        {
            pacing.Reserve(new PacingKey("19:channel", "tenant-1"));
        }

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(TimeSpan.Zero, pacing.Reserve(new PacingKey("19:channel", "tenant-1")));
    }

    [Fact]
    public async Task WaitTurnAsync_Cancelled_ThrowsAndLaterRequestsStillFlow()
    {
        var (pacing, time) = Create(perConversation: 1);
        await pacing.WaitTurnAsync(new PacingKey("a:1", "t"), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pacing.WaitTurnAsync(new PacingKey("a:1", "t"), cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacing.Reserve(new PacingKey("a:2", "t")));
    }

    private static void AssertAtMost(IReadOnlyList<TimeSpan> sortedSends, int permits, TimeSpan window)
    {
        for (var i = 0; i + permits < sortedSends.Count; i++)
        {
            Assert.True(sortedSends[i + permits] - sortedSends[i] >= window,
                $"{permits + 1} sends within {window}: #{i} at {sortedSends[i]}, #{i + permits} at {sortedSends[i + permits]}");
        }
    }
}
