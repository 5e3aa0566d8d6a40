using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Reminders;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Knowledge.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Reminders;

public sealed class ReminderSchedulerTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public async Task Policy_DueMondayAfterDstStart_NudgesSevenDaysBeforeOnTheDayAndNextWorkingDayAt0900Local()
    {
        // Due Monday 30 March 2026, the day after summer time starts: 23 March 09:00 CET = 08:00Z, 30/31 March 09:00 CEST = 07:00Z.
        var time = new FakeTimeProvider(Utc(2026, 3, 2, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await host.SeedPersonalChatAsync();
        await host.CreateAsync(new DateOnly(2026, 3, 30));

        await host.AdvanceToAsync(Utc(2026, 3, 23, 7, 59));
        Assert.Empty(host.SentCards());
        await host.AdvanceToAsync(Utc(2026, 3, 23, 8, 0));
        Assert.Single(host.SentCards());
        Assert.Contains("Over 7 dagen", ReminderTestHost.CardJson(host.SentCards()[0]));

        await host.AdvanceToAsync(Utc(2026, 3, 30, 6, 59));
        Assert.Single(host.SentCards());
        await host.AdvanceToAsync(Utc(2026, 3, 30, 7, 0));
        Assert.Equal(2, host.SentCards().Count);
        Assert.Contains("Vandaag evalueren", ReminderTestHost.CardJson(host.SentCards()[1]));

        await host.AdvanceToAsync(Utc(2026, 3, 31, 7, 0));
        Assert.Equal(3, host.SentCards().Count);
        Assert.Contains("Evaluatie verlopen", ReminderTestHost.CardJson(host.SentCards()[2]));
        Assert.DoesNotContain("te laat", ReminderTestHost.CardJson(host.SentCards()[2]));

        await host.AdvanceToAsync(Utc(2026, 4, 30, 7, 0));
        Assert.Equal(3, host.SentCards().Count);
    }

    [Fact]
    public async Task Policy_DueOnKoningsdag_OnTheDayNudgeMovesToNextWorkingDay()
    {
        // Monday 27 April 2026 is Koningsdag: the on-the-day nudge comes Tuesday 28 April, the overdue one Wednesday 29.
        var time = new FakeTimeProvider(Utc(2026, 4, 1, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        var (_, nudges) = await host.CreateAsync(new DateOnly(2026, 4, 27));

        Assert.Equal(
            [Utc(2026, 4, 20, 7), Utc(2026, 4, 28, 7), Utc(2026, 4, 29, 7)],
            nudges.Select(n => n.DueAt).ToArray());
    }

    [Fact]
    public async Task CatchUp_AfterDowntime_OneLateCardPerUserCarryingEveryDueReminder()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await host.SeedPersonalChatAsync();
        await host.SeedPersonalChatAsync("aad-other", "a:personal-2");
        await host.CreateAsync(new DateOnly(2026, 1, 20), "2024-1");
        await host.CreateAsync(new DateOnly(2026, 1, 21), "2024-2");
        await host.CreateAsync(new DateOnly(2026, 1, 22), "2024-3");
        await host.CreateAsync(new DateOnly(2026, 1, 22), "2024-4", owner: "aad-other");

        // Down from 5 January until 26 January: every before/on-the-day/overdue nudge is due at once.
        await host.AdvanceToAsync(Utc(2026, 1, 26, 10));

        var cards = host.SentCards();
        Assert.Equal(2, cards.Count);
        var mine = cards.Single(c => c["conversation"]!["id"]!.GetValue<string>() == "a:personal-1");
        var json = ReminderTestHost.CardJson(mine);
        Assert.Contains("te laat", json);
        Assert.Contains("3 herinneringen", json);
        Assert.All(["2024-1", "2024-2", "2024-3"], c => Assert.Contains(c, json));

        await host.AdvanceToAsync(Utc(2026, 1, 27, 10));
        Assert.Equal(2, host.SentCards().Count);
    }

    [Fact]
    public async Task Snooze_Done_Move_ChangeWhatComesNext()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await host.SeedPersonalChatAsync();
        var (snoozed, _) = await host.CreateAsync(new DateOnly(2026, 1, 14), "2024-5");
        var (done, _) = await host.CreateAsync(new DateOnly(2026, 1, 14), "2024-6");
        var (moved, _) = await host.CreateAsync(new DateOnly(2026, 1, 14), "2024-7");

        await host.AdvanceToAsync(Utc(2026, 1, 14, 8, 5));
        var sentBefore = host.SentCards().Count;
        Assert.Equal(1, sentBefore); // one card carries the three on-the-day nudges

        // Wednesday 14 Jan 09:05 local: snooze → Thursday 09:00; done → nothing more; move → 2 Feb.
        Assert.NotNull(await host.Service.SnoozeAsync(snoozed.Id, ReminderTestHost.Owner, new DateOnly(2026, 1, 14), default));
        Assert.NotNull(await host.Service.DoneAsync(done.Id, ReminderTestHost.Owner, new DateOnly(2026, 1, 14), default));
        Assert.NotNull(await host.Service.MoveAsync(moved.Id, ReminderTestHost.Owner, new DateOnly(2026, 2, 2), default));
        Assert.Null(await host.Service.DoneAsync(done.Id, "someone-else", null, default));

        await host.AdvanceToAsync(Utc(2026, 1, 15, 8, 0));
        var thursday = host.SentCards().Skip(sentBefore).ToList();
        Assert.Single(thursday);
        var json = ReminderTestHost.CardJson(thursday[0]);
        Assert.Contains("2024-5", json); // snoozed (and its overdue nudge, on the same card)
        Assert.DoesNotContain("2024-6", json);
        Assert.DoesNotContain("2024-7", json);

        await host.AdvanceToAsync(Utc(2026, 2, 2, 8, 0));
        Assert.Contains("2024-7", ReminderTestHost.CardJson(host.SentCards()[^1]));
        Assert.DoesNotContain(host.SentCards().Skip(sentBefore), c => ReminderTestHost.CardJson(c).Contains("2024-6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recurring_EverySixWeeksUntil_PlansNextOccurrenceAfterTheOnTheDayNudge()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await host.SeedPersonalChatAsync();
        var (reminder, _) = await host.CreateAsync(new DateOnly(2026, 1, 12), every: new Interval(6, IntervalUnit.Weeks), until: new DateOnly(2026, 3, 1));

        await host.AdvanceToAsync(Utc(2026, 1, 12, 8, 0));
        var stored = await host.Store.GetAsync(reminder.Id, null, default);
        Assert.Equal(new DateOnly(2026, 2, 23), stored!.DueDate);

        await host.AdvanceToAsync(Utc(2026, 2, 23, 8, 0));
        Assert.Contains("maandag 23 februari 2026", ReminderTestHost.CardJson(host.SentCards()[^1]));
        var after = await host.Store.GetAsync(reminder.Id, null, default);
        Assert.Equal(new DateOnly(2026, 2, 23), after!.DueDate); // 6 April is past the end date: no more occurrences
    }

    [Fact]
    public async Task Unreachable403_MarksUserUnreachableAndIsNotRetried()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        var connector = await FakeConnector.StartAsync();
        connector.Script = (_, _) => new ScriptedResponse(403, FakeConnector.Error("ConversationBlockedByUser"));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()), connector: connector);
        await host.SeedPersonalChatAsync();
        await host.CreateAsync(new DateOnly(2026, 1, 14));

        await host.AdvanceToAsync(Utc(2026, 1, 14, 8, 0));
        Assert.Single(connector.Requests);
        var reference = await host.Bot.Services.GetRequiredService<IConversationReferenceStore>().GetAsync("msteams", "a:personal-1", default);
        Assert.Equal(ReferenceStatus.Unreachable, reference!.Status);

        for (var hour = 9; hour < 24 * 4; hour += 6)
        {
            await host.AdvanceToAsync(Utc(2026, 1, 14, 8).AddHours(hour));
        }

        Assert.Single(connector.Requests);
        Assert.Empty(await host.Store.FindDueAsync(Utc(2026, 2, 1, 0), 10, default));
    }

    [Fact]
    public async Task ServerError_IsRetriedWithBackoffThenGivenUp()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        var connector = await FakeConnector.StartAsync();
        connector.Script = (_, _) => new ScriptedResponse(500);
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()), connector: connector);
        await host.SeedPersonalChatAsync();
        await host.CreateAsync(new DateOnly(2026, 1, 14));

        await host.AdvanceToAsync(Utc(2026, 1, 14, 8, 0));
        Assert.Single(connector.Requests);
        await host.AdvanceToAsync(Utc(2026, 1, 14, 8, 0).AddSeconds(5));
        Assert.Single(connector.Requests); // backoff (10 s) not over yet
        for (var i = 1; i <= 10; i++)
        {
            await host.AdvanceToAsync(Utc(2026, 1, 14, 8, 0).AddMinutes(i));
        }

        Assert.Equal(3, connector.Requests.Count); // MaxAttempts = 3, then failed for good
    }

    [Fact]
    public async Task LongRunningEngagement_FlaggedOnceAtTwelveWeeks()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await host.SeedPersonalChatAsync();
        var proposal = await host.Service.ProposeForEngagementAsync(
            new ReminderOwner(ReminderTestHost.Owner, "msteams", null, "nl"), "2026-3", new DateOnly(2026, 1, 5), null, default);
        Assert.True(proposal.IsProposal);
        Assert.Equal(new DateOnly(2026, 2, 16), proposal.EvaluationDate);

        await host.AdvanceToAsync(Utc(2026, 3, 27, 10));
        Assert.Empty(host.SentCards());
        await host.AdvanceToAsync(Utc(2026, 3, 30, 10)); // 84 days after 5 January
        Assert.Single(host.SentCards());
        Assert.Contains("12+ weken", ReminderTestHost.CardJson(host.SentCards()[0]));
        await host.AdvanceToAsync(Utc(2026, 3, 31, 10));
        Assert.Single(host.SentCards());
    }

    [Fact]
    public async Task Restart_MidRun_SameSqliteFile_NothingLostOrDoubled()
    {
        var path = ReminderTestHost.TempDbPath();
        var time = new FakeTimeProvider(Utc(2026, 1, 5, 12));
        var connector = await FakeConnector.StartAsync();
        var ids = new List<string>();
        var first = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(path), schedulerRunning: true, connector: connector,
            extra: new Dictionary<string, string?> { ["Reminders:BatchSize"] = "5", ["Reminders:MaxParallelSends"] = "1" });
        for (var i = 0; i < 30; i++)
        {
            await first.SeedPersonalChatAsync($"aad-{i}", $"a:personal-{i}");
            ids.Add((await first.CreateAsync(new DateOnly(2026, 1, 14), $"2024-{i}", owner: $"aad-{i}")).Reminder.Id);
        }

        // Slow the connector so the first host is stopped with sends in flight and nudges still claimed.
        var script = connector.Script;
        connector.Script = (n, r) => { Thread.Sleep(20); return null; };
        time.SetUtcNow(Utc(2026, 1, 14, 8, 0));
        time.Advance(TimeSpan.FromSeconds(1));
        try
        {
            await Loopback.WaitUntilAsync(() => connector.Requests.Count >= 3, 10_000);
        }
        catch (TimeoutException)
        {
            foreach (var e in first.Bot.Logs.Entries.Where(e => e.Category.Contains("Reminder", StringComparison.Ordinal)))
            {
                Console.WriteLine($"{e.Level} {e.EventId} {e.Message} {e.Exception}");
            }

            throw;
        }
        await first.Bot.DisposeAsync(); // stop mid-run (graceful: the in-flight send finishes and is recorded)

        await using var second = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(path), schedulerRunning: true, connector: connector);
        // Fake time moves on in steps (past any lease the first host held) until the second host has caught up.
        try
        {
            await Loopback.WaitUntilAsync(() =>
            {
                time.Advance(TimeSpan.FromSeconds(5));
                return connector.Requests.Count >= 30;
            }, 15_000);
        }
        catch (TimeoutException)
        {
            Console.WriteLine("requests " + connector.Requests.Count);
            foreach (var e in second.Bot.Logs.Entries.Where(e => e.Category.Contains("Reminder", StringComparison.Ordinal)))
            {
                Console.WriteLine($"{e.Level} {e.EventId} {e.Message} {e.Exception}");
            }

            throw;
        }
        time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300);

        var perConversation = connector.Requests.GroupBy(r => r.RawTarget).ToList();
        Assert.Equal(30, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
        await connector.DisposeAsync();
    }
}
