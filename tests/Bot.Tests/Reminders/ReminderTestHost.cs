using System.Text.Json.Nodes;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Reminders;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Knowledge.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Reminders;

/// <summary>
/// The real bot (storage, chat, reminders) on loopback with a fake Bot Connector and a <see cref="FakeTimeProvider"/>.
/// The scheduler's background loop is off unless asked for; tests then drive it with <see cref="ReminderScheduler.RunOnceAsync"/>.
/// </summary>
internal sealed class ReminderTestHost : IAsyncDisposable
{
    public const string Owner = "aad-user";

    private ReminderTestHost(BotHost bot, FakeConnector connector, FakeTimeProvider time)
    {
        Bot = bot;
        Connector = connector;
        Time = time;
    }

    public BotHost Bot { get; }
    public FakeConnector Connector { get; }
    public FakeTimeProvider Time { get; }
    public ReminderService Service => Bot.Services.GetRequiredService<ReminderService>();
    public ReminderScheduler Scheduler => Bot.Services.GetRequiredService<ReminderScheduler>();
    public IReminderStore Store => Bot.Services.GetRequiredService<IReminderStore>();

    public static async Task<ReminderTestHost> StartAsync(
        FakeTimeProvider time, IDictionary<string, string?> storage, bool schedulerRunning = false, FakeConnector? connector = null,
        IDictionary<string, string?>? extra = null)
    {
        connector ??= await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>(storage)
        {
            ["Bot:RetryBaseDelay"] = "00:00:00.010",
            ["Reminders:SchedulerEnabled"] = schedulerRunning ? "true" : "false",
            ["Reminders:PollInterval"] = "00:00:01",
            ["Reminders:LeaseDuration"] = "00:01:00",
            ["Reminders:RetryBaseDelay"] = "00:00:10",
            ["Reminders:MaxAttempts"] = "3",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await BotHost.StartAsync(settings, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            // BotHost adds the protocol (with in-memory stores) first; a restart test needs the durable ones.
            s.RemoveAll<IConversationReferenceStore>();
            s.RemoveAll<IActivityDeduplicator>();
            s.AddBotStorage().AddConversation().AddReminders();
        }, environment: "Development");
        return new ReminderTestHost(bot, connector, time);
    }

    public static Dictionary<string, string?> Sqlite(string path) => new() { ["Storage:SqlitePath"] = path };

    public static string TempDbPath() =>
        Path.Combine(Path.GetTempPath(), "expertbot-reminders-" + Guid.NewGuid().ToString("N"), "bot.db");

    /// <summary>The owner's personal chat, as the bot stores it when the user first writes.</summary>
    public Task SeedPersonalChatAsync(string owner = Owner, string conversationId = "a:personal-1") =>
        Bot.Services.GetRequiredService<IConversationReferenceStore>().UpsertAsync(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            ConversationId = conversationId,
            ConversationType = "personal",
            TenantId = "tenant-1",
            BotId = "28:bot",
            UserId = "29:" + owner,
            UserAadObjectId = owner,
        }, CancellationToken.None);

    public Task<(ReminderRecord Reminder, IReadOnlyList<NewNudge> Nudges)> CreateAsync(
        DateOnly due, string caseRef = "2024-17", string owner = Owner, Interval? every = null, DateOnly? until = null) =>
        Service.CreateAsync(new ReminderOwner(owner, "msteams", "a:personal-1", "nl"), new Schedule(due, Schedule.DefaultTime, every, until),
            caseRef, "evaluatie", CancellationToken.None);

    /// <summary>Cards posted to the connector (proactive sends), newest last.</summary>
    public IReadOnlyList<JsonObject> SentCards() =>
        [.. Connector.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!.AsObject())
            .Where(a => a["attachments"] is JsonArray)];

    public static string CardJson(JsonObject activity) => activity["attachments"]![0]!["content"]!.ToJsonString(
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        await Scheduler.RunOnceAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
