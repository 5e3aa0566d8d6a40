using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Requests.Bench;
using Activity = ExpertBot.Bot.Protocol.Activity;

// Requests benchmark: N concurrent form submissions through the real host on loopback (SQLite, the bot's own
// ConnectorClient with its Teams pacing) against a recording fake Bot Connector. Verifies exactly N requests and N
// tickets (0 lost, 0 duplicated) and reports submit→queued and submit→ticket latency and the ticket throughput.
//   dotnet run -c Release --project bench/Requests.Bench -- [--requests 1000] [--channels 26] [--timeout 900] [--set Key=Value]...
var requests = Option("--requests", 1000);
var channels = Option("--channels", 26);
var timeout = TimeSpan.FromSeconds(Option("--timeout", 900));

var dir = Path.Combine(Path.GetTempPath(), "expertbot-requests-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
await using var connector = await FakeTeamsConnector.StartAsync();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", Args = [] });
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:Provider"] = "sqlite",
    ["Storage:SqlitePath"] = Path.Combine(dir, "bench.db"),
});
// --set Key=Value (repeatable): any bot setting, e.g. Requests:DeliveryConcurrency=32 or Storage:Provider=postgres.
var overrides = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length).Select(x => args[x.i + 1].Split('=', 2))
    .Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
builder.Configuration.AddInMemoryCollection(overrides);
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddBotStorage();
builder.Services.AddBotProtocol(builder.Configuration);
builder.Services.AddConversation();
builder.Services.AddRequests();
await using var app = builder.Build();
app.MapBotMessages();
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/"), Timeout = TimeSpan.FromMinutes(5) };
var store = app.Services.GetRequiredService<IRequestStore>();
var municipalities = app.Services.GetRequiredService<Answerer>().Knowledge.Municipalities.Select(m => m.Name).ToList();

// 1. The GI links its channels: municipality j goes to channel j mod K.
var groups = municipalities.Select((m, j) => (m, j)).GroupBy(x => x.j % channels, x => x.m).ToList();
foreach (var group in groups)
{
    var channel = $"19:pool-{group.Key}@thread.tacv2";
    var link = NewActivity($"link-{group.Key}", $"{channel};messageid=1", "channel", "29:gi", "aad-gi", "GI", $"<at>ExpertBot</at> koppel dit kanaal aan {string.Join(", ", group)}") with
    {
        ChannelData = new JsonObject { ["team"] = new JsonObject { ["id"] = "19:gi-team@thread.tacv2" }, ["channel"] = new JsonObject { ["id"] = channel } },
    };
    (await PostAsync(link)).EnsureSuccessStatusCode();
}

var linkDeadline = Stopwatch.StartNew();
while (true)
{
    var linked = 0;
    foreach (var m in municipalities)
    {
        linked += await store.FindChannelAsync(m, default) is null ? 0 : 1;
    }

    if (linked == municipalities.Count)
    {
        break;
    }

    if (linkDeadline.Elapsed > TimeSpan.FromSeconds(60))
    {
        throw new InvalidOperationException($"only {linked} of {municipalities.Count} municipalities linked");
    }

    await Task.Delay(100);
}

await Task.Delay(1500); // let the link confirmations leave the pacing windows before measuring
var before = connector.Received.Count;

// 2. N casemanagers submit at once. A refused delivery (503 when the turn queue is full) is redelivered like Teams does.
var started = new long[requests];
var answered = new long[requests];
var redeliveries = 0;
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, requests).Select(i => Task.Run(async () =>
{
    var submit = NewActivity($"submit-{i}", $"a:cm-{i}", "personal", $"29:cm-{i}", $"aad-cm-{i}", "Casemanager", null) with
    {
        Type = ActivityTypes.Invoke,
        Name = InvokeNames.AdaptiveCardAction,
        Value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.RequestSubmit, ["data"] = Inputs(i, municipalities[i % municipalities.Count]) } },
    };
    started[i] = Stopwatch.GetTimestamp();
    while (true)
    {
        using var response = await PostAsync(submit);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK && body.Contains("AV-", StringComparison.Ordinal))
        {
            answered[i] = Stopwatch.GetTimestamp();
            return;
        }

        Interlocked.Increment(ref redeliveries);
        await Task.Delay(1000);
    }
})));
var submitWall = wall.Elapsed;

// 3. Wait for every ticket at the connector.
var caseRef = new Regex(@"BENCH-(\d{5})", RegexOptions.CultureInvariant);
List<(int Index, long At)> tickets = [];
while (wall.Elapsed < timeout)
{
    tickets = [.. connector.Received.Skip(before)
        .Where(r => r.Method == "POST" && r.Body.Contains("adviesaanvra", StringComparison.OrdinalIgnoreCase))
        // A bundle (a burst for one channel) carries several tickets in one message.
        .SelectMany(r => caseRef.Matches(r.Body).Select(m => (Index: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), r.At)))];
    if (tickets.Select(t => t.Index).Distinct().Count() >= requests)
    {
        break;
    }

    await Task.Delay(200);
}

var ticketWall = wall.Elapsed;
var stored = (await store.ListFactsAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), default)).Count;
// A row is marked done just after Teams accepted its message; give the last ones a moment (bounded) to be marked.
var pending = await store.PendingOutboxAsync(default);
var drainDeadline = wall.Elapsed + TimeSpan.FromSeconds(30);
while (pending > 0 && wall.Elapsed < drainDeadline)
{
    await Task.Delay(100);
    pending = await store.PendingOutboxAsync(default);
}

var drainedAfter = wall.Elapsed - ticketWall;
var firstTicket = tickets.GroupBy(t => t.Index).ToDictionary(g => g.Key, g => g.Min(t => t.At));
var duplicates = tickets.Count - firstTicket.Count;
var toCasemanagers = connector.Received.Skip(before).Count(r => r.Target.Contains("a%3Acm-", StringComparison.Ordinal) || r.Target.Contains("a:cm-", StringComparison.Ordinal));
var queued = Enumerable.Range(0, requests).Select(i => Ms(answered[i] - started[i])).Order().ToList();
var toTicket = firstTicket.Select(t => Ms(t.Value - started[t.Key])).Order().ToList();
var spread = firstTicket.Count > 1 ? (firstTicket.Values.Max() - firstTicket.Values.Min()) / (double)Stopwatch.Frequency : 0;
var (peakTenant, peakConversation) = connector.PeakPerSecond();

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Requests benchmark: {requests} concurrent submissions, {municipalities.Count} municipalities over {groups.Count} linked channel(s), {app.Configuration["Storage:Provider"]}, {Environment.ProcessorCount} cores{string.Concat(overrides.Select(o => $", {o.Key}={(o.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) ? "(set)" : o.Value)}"))}");
report.AppendLine();
report.AppendLine("| Measure | Value |");
report.AppendLine("|---|---:|");
report.AppendLine(CultureInfo.InvariantCulture, $"| Requests stored / submitted | {stored} / {requests} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Tickets delivered (distinct) / duplicates / lost | {firstTicket.Count} / {duplicates} / {requests - firstTicket.Count} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Outbox rows still pending (waited {drainedAfter.TotalMilliseconds:N0} ms after the last ticket, at most 30 s) | {pending} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Redeliveries needed (503 or no confirmation) | {redeliveries} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Connector sends to casemanagers during the run | {toCasemanagers} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| All submits answered (confirmation card) after | {submitWall.TotalSeconds:0.0} s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Submit → queued for delivery (confirmation) p50 / p95 / p99 / max | {P(queued, 50)} / {P(queued, 95)} / {P(queued, 99)} / {P(queued, 100)} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Submit → ticket at the connector p50 / p95 / p99 / max | {P(toTicket, 50)} / {P(toTicket, 95)} / {P(toTicket, 99)} / {P(toTicket, 100)} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Ticket throughput (first → last ticket) | {(spread > 0 ? firstTicket.Count / spread : 0):0.0} tickets/s over {spread:0.0} s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Peak calls in any 1 s: tenant / busiest conversation (Teams: 50 / 7) | {peakTenant} / {peakConversation} |");
Console.Write(report);

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
return stored == requests && firstTicket.Count == requests && duplicates == 0 && pending == 0 ? 0 : 1;

Task<HttpResponseMessage> PostAsync(Activity activity) =>
    http.PostAsync("api/messages", new StringContent(JsonSerializer.Serialize(activity, ProtocolJson.Options), Encoding.UTF8, "application/json"));

Activity NewActivity(string id, string conversation, string type, string user, string aad, string name, string? text) => new()
{
    Type = ActivityTypes.Message,
    Id = id,
    ChannelId = "msteams",
    ServiceUrl = connector.ServiceUrl,
    From = new ChannelAccount { Id = user, Name = name, AadObjectId = aad },
    Recipient = new ChannelAccount { Id = "28:bench-bot", Name = "ExpertBot" },
    Conversation = new ConversationAccount { Id = conversation, ConversationType = type, TenantId = "tenant-bench" },
    Locale = "nl-NL",
    Text = text,
};

static JsonObject Inputs(int i, string municipality) => new()
{
    ["formId"] = $"bench-{i}",
    ["municipality"] = municipality,
    ["kind"] = "aansluiten-en-ondersteunen",
    ["caseRef"] = $"BENCH-{i:00000}",
    ["situation"] = "Ouders werken niet mee aan het veiligheidsplan; de hulp stagneert al maanden.",
    ["safety"] = "serious",
    ["contribution"] = "Meedenken over het veiligheidsplan en een netwerkberaad voorzitten.",
    ["parentsInformed"] = "yes",
    ["reason"] = "stagnatie",
    ["contact"] = "teams-chat",
};

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

static string P(List<double> sorted, int percentile) => sorted.Count == 0 ? "–"
    : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("#,0", CultureInfo.InvariantCulture);

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
