using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Bot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Reminders;

public sealed class ReminderExactlyOnceAndChatTests(ITestOutputHelper output)
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoInstances_SharedPostgres_EachNudgeDeliveredExactlyOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(output);
        if (database is null)
        {
            return;
        }

        var storage = new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["Storage:PostgresConnectionString"] = database.ConnectionString };
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        var connector = await FakeConnector.StartAsync();
        connector.Script = (_, _) => { Thread.Sleep(2); return null; };
        var small = new Dictionary<string, string?> { ["Reminders:BatchSize"] = "7" };
        await using var a = await ReminderTestHost.StartAsync(time, storage, schedulerRunning: true, connector: connector, extra: small);
        await using var b = await ReminderTestHost.StartAsync(time, storage, schedulerRunning: true, connector: connector, extra: small);
        const int N = 60;
        for (var i = 0; i < N; i++)
        {
            var host = i % 2 == 0 ? a : b;
            await host.SeedPersonalChatAsync($"aad-{i}", $"a:personal-{i}");
            await host.CreateAsync(new DateOnly(2026, 1, 14), $"2025-{i}", owner: $"aad-{i}");
        }

        // Both schedulers wake on the same fake tick and race for the same due nudges.
        time.SetUtcNow(Utc(2026, 1, 14, 8, 0));
        await Loopback.WaitUntilAsync(() => connector.Requests.Count >= N, 20_000);
        time.Advance(TimeSpan.FromMinutes(3)); // any lease expiry would show up as a second delivery now
        await Task.Delay(500);

        var perConversation = connector.Requests.GroupBy(r => r.RawTarget).ToList();
        Assert.Equal(N, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
        Assert.True(a.Bot.Logs.Entries.Any(e => e.EventId == 5012) && b.Bot.Logs.Entries.Any(e => e.EventId == 5012),
            "both instances should have delivered some");
        await connector.DisposeAsync();
    }

    [Theory]
    [InlineData("herinner me op 15 januari aan de evaluatie van casus 2024-17", null, "Herinnering gezet", "2024-17")]
    [InlineData("herinner me over 6 weken aan de evaluatie van casus 2024-18", null, "Herinnering gezet", "dinsdag 24 februari 2026")]
    [InlineData("herinner me elke 6 weken tot 1 juni aan de evaluatie van casus 2024-19", null, "elke 6 weken", "2024-19")]
    [InlineData("remind me on 15 January about the evaluation of case 2024-20", "en-US", "Reminder set", "2024-20")]
    public async Task Chat_ReminderMessage_StoresAndConfirms(string text, string? locale, string expected, string detail)
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        var reply = await SendAsync(host, text, locale);

        Assert.Contains(expected, reply);
        Assert.Contains(detail, reply);
        Assert.Single(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    [Fact]
    public async Task Chat_PastDate_AsksBackWithDateInputAndStoresNothing()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        var reply = await SendAsync(host, "herinner me op 15 januari 2020 aan de evaluatie van casus 2024-17", null);

        Assert.Contains("Welke datum bedoel je?", reply);
        Assert.Contains("Input.Date", reply);
        Assert.Empty(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    [Fact]
    public async Task Chat_AskedBackForADate_TypedAnswerSetsTheReminderForTheAskedCase()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await SendAsync(host, "herinner me aan de evaluatie van casus 2024-17", null);
        Assert.Empty(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));

        var reply = await SendAsync(host, "over 6 weken", null);

        Assert.Contains("Herinnering gezet", reply);
        Assert.Contains("dinsdag 24 februari 2026", reply);
        var reminder = Assert.Single(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
        Assert.Equal("2024-17", reminder.CaseReference);
        // Answered once: the same words again are not a second reminder.
        await SendAsync(host, "over 6 weken", null);
        Assert.Single(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    [Fact]
    public async Task Chat_AskedBackThenAmbiguousAnswer_AsksAgainForTheSameCase()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        await SendAsync(host, "herinner me aan de evaluatie van casus 2024-17", null);

        var reply = await SendAsync(host, "15 januari 2020", null);

        Assert.Contains("Welke datum bedoel je?", reply);
        Assert.Contains("2024-17", reply);
        Assert.Empty(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    [Theory]
    [InlineData(false, "over 6 weken")]
    [InlineData(true, "over 6 weken")]
    [InlineData(true, "Wie kan ik vrijdag raadplegen over een vechtscheiding in Oldambt?")]
    public async Task Chat_DateWithoutAFreshAskBack_IsNoReminder(bool asked, string text)
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        if (asked)
        {
            await SendAsync(host, "herinner me aan de evaluatie van casus 2024-17", null);
            // A domain question is answered as such right away; a bare date only within a day of the question.
            time.Advance(text.StartsWith("Wie", StringComparison.Ordinal) ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(25));
        }

        var reply = await SendAsync(host, text, null);

        Assert.DoesNotContain("Herinnering gezet", reply);
        Assert.Empty(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    [Fact]
    public async Task Chat_Herinneringen_ListsWithMoveCancelDone_AndDoneButtonUpdatesCard()
    {
        var time = new FakeTimeProvider(Utc(2026, 1, 13, 12));
        await using var host = await ReminderTestHost.StartAsync(time, ReminderTestHost.Sqlite(ReminderTestHost.TempDbPath()));
        var (reminder, _) = await host.CreateAsync(new DateOnly(2026, 2, 2), "2024-21");

        var list = await SendAsync(host, "herinneringen", null);
        Assert.Contains("Je herinneringen", list);
        Assert.Contains("2024-21", list);
        Assert.All(["Verplaatsen", "Annuleren", "Afgerond"], b => Assert.Contains(b, list));

        var invoke = BotHost.Message(host.Connector.ServiceUrl, "", "invoke-1", "a:personal-1") with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Text = null,
            Value = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "reminder.done", ["data"] = new JsonObject { ["reminderId"] = reminder.Id } },
            },
        };
        var response = await host.Bot.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("Afgerond", body);
        Assert.Empty(await host.Store.ListActiveAsync(ReminderTestHost.Owner, 10, default));
    }

    private static async Task<string> SendAsync(ReminderTestHost host, string text, string? locale)
    {
        var before = host.Connector.Requests.Count(r => r.Method == "POST" && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        var message = BotHost.Message(host.Connector.ServiceUrl, text, "m-" + Guid.NewGuid().ToString("N")[..8], "a:personal-1") with { Locale = locale };
        var response = await host.Bot.PostAsync(message);
        Assert.Equal(200, (int)response.StatusCode);
        await Loopback.WaitUntilAsync(() => host.Connector.Requests.Count(r => r.Method == "POST" && r.Body.Contains("\"message\"", StringComparison.Ordinal)) > before, 10_000);
        var reply = host.Connector.Requests.Where(r => r.Method == "POST" && r.Body.Contains("\"message\"", StringComparison.Ordinal)).Last();
        return System.Text.RegularExpressions.Regex.Unescape(reply.Body);
    }
}
