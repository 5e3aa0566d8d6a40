using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Conversation;

/// <summary>
/// The real chat (knowledge, storage on a temp SQLite file, protocol, handlers) on loopback, answering to a
/// fake Bot Connector on loopback. Anonymous local mode, as `dotnet run` uses.
/// </summary>
internal sealed class ChatTestHost : IAsyncDisposable
{
    private readonly string _dataDir;
    private int _activityIds;

    private ChatTestHost(BotHost bot, FakeConnector connector, string dataDir)
    {
        Bot = bot;
        Connector = connector;
        _dataDir = dataDir;
    }

    public BotHost Bot { get; }
    public FakeConnector Connector { get; }

    /// <summary>The bot's SQLite file, to check what it stored.</summary>
    public string DatabasePath => Path.Combine(_dataDir, "bot.db");

    /// <param name="settings">Extra configuration, e.g. an <c>AzureOpenAI</c> section pointing at a fake.</param>
    public static async Task<ChatTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connector = await FakeConnector.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "expertbot-chat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(dataDir, "bot.db"),
            ["Bot:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var bot = await BotHost.StartAsync(
            configuration,
            services: s => s.AddBotStorage().AddConversation(),
            environment: "Development");
        return new ChatTestHost(bot, connector, dataDir);
    }

    public Activity Message(string text, string conversationId = "a:personal-1", string conversationType = "personal", string? locale = null) =>
        BotHost.Message(Connector.ServiceUrl, text, NextId(), conversationId) with
        {
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, TenantId = "tenant-1" },
            Locale = locale,
        };

    public string NextId() => "act-" + Interlocked.Increment(ref _activityIds);

    /// <summary>Posts an activity and waits until the connector has received <paramref name="replies"/> more messages.</summary>
    public async Task<IReadOnlyList<JsonObject>> SendAndWaitAsync(Activity activity, int replies = 1)
    {
        var before = Replies().Count;
        var response = await Bot.PostAsync(activity);
        Assert.Equal(200, (int)response.StatusCode);
        await Loopback.WaitUntilAsync(() => Replies().Count >= before + replies, 10_000);
        return [.. Replies().Skip(before)];
    }

    public async Task<(int Status, JsonObject? Body)> InvokeAsync(Activity activity)
    {
        var response = await Bot.PostAsync(activity);
        var body = response.Content.Headers.ContentLength is > 0 ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        return ((int)response.StatusCode, body);
    }

    /// <summary>Message activities the bot posted (typing indicators left out).</summary>
    public IReadOnlyList<JsonObject> Replies() =>
        [.. Connector.Requests
            .Where(r => r.Method == "POST")
            .Select(r => JsonNode.Parse(r.Body)!.AsObject())
            .Where(a => a["type"]?.GetValue<string>() == "message")];

    /// <summary>The data of the first button (Action.Execute) with this verb whose data matches, as Teams sends it back.</summary>
    public static JsonObject ButtonData(JsonObject reply, string verb, Func<JsonObject, bool>? match = null) =>
        Cards.CardFixtures.Objects(reply["attachments"]?[0]?["content"])
            .FirstOrDefault(b => b["type"]?.GetValue<string>() == "Action.Execute" && b["verb"]?.GetValue<string>() == verb
                && (match is null || match(b["data"]!.AsObject())))
            ?["data"]?.DeepClone().AsObject()
        ?? throw new Xunit.Sdk.XunitException($"the card has no {verb} button");

    public static string CardText(JsonObject reply) =>
        reply["attachments"]?[0]?["content"]?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is harmless.
        }
    }
}
