using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Knowledge.Requests;
using Microsoft.Extensions.DependencyInjection;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Requests;

/// <summary>The real host on loopback (SQLite on a temp file) with the fake Bot Connector: personal chat → channel ticket → back.</summary>
public sealed class RequestFlowTests : IAsyncLifetime
{
    private const string Channel = "19:expertpool@thread.tacv2";
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;
    private string _dir = "";
    private int _ids;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _dir = Path.Combine(Path.GetTempPath(), "expertbot-requests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_dir, "bot.db"),
            ["Bot:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:MaxRetries"] = "1",
            ["Requests:RetryInterval"] = "00:00:00.200",
            ["Requests:MaxRetryInterval"] = "00:00:00.400",
            ["Requests:PollInterval"] = "00:00:00.050",
        }, services: s => s.AddBotStorage().AddConversation().AddRequests(), environment: "Development");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Flow_SubmitPickUpFinish_TicketInChannelAndCasemanagerToldEachChange()
    {
        await LinkChannelAsync();

        var form = await SendAsync(Personal("Ik wil advies vragen aan de GI over een casus in Oldambt"));
        Assert.Contains("request.submit", Text(form), StringComparison.Ordinal);
        var formId = FormId(form);

        var (status, body) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs(formId)) });
        Assert.Equal(200, status);
        Assert.Contains("AV-", body!.ToJsonString(), StringComparison.Ordinal);

        var ticket = await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel) + "/activities", StringComparison.Ordinal));
        Assert.Contains("Adviesaanvraag", ticket.Body, StringComparison.Ordinal);
        Assert.Contains("WIJ-2026-0412", ticket.Body, StringComparison.Ordinal);
        var request = Assert.Single(await Store.ListOpenAsync("aad-casemanager", default));

        // A GI member acts from the channel the ticket lives in.
        var pick = await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = request.Id }) });
        Assert.Contains("Opgepakt", pick.Body!.ToJsonString(), StringComparison.Ordinal);
        await WaitForAsync(r => r.Method == "PUT");
        await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("a%3Apersonal-cm", StringComparison.Ordinal) && r.Body.Contains("Opgepakt door", StringComparison.Ordinal));

        await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestFinish, new JsonObject { ["requestId"] = request.Id, ["message-finish"] = "Netwerkberaad op 2 december; wij voorzitten." }) });
        await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("a%3Apersonal-cm", StringComparison.Ordinal) && r.Body.Contains("Afgerond door de GI", StringComparison.Ordinal));

        var stored = await Store.GetAsync(request.Id, default);
        Assert.Equal(RequestStatus.Afgerond, stored!.Status);
        var events = await Store.ListEventsAsync(request.Id, default);
        Assert.Equal(["submit", "pick-up", "finish"], events.Select(e => e.Transition));
        Assert.Equal("aad-gi", events[1].ActorId);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Message.Contains("WIJ-2026-0412", StringComparison.Ordinal) || e.Message.Contains("veiligheidsplan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_Twice_OneRequest()
    {
        await LinkChannelAsync();
        var formId = Guid.NewGuid().ToString("N");
        await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs(formId)) });
        var (_, second) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs(formId)) });

        Assert.Contains("al ontvangen", second!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await Store.ListOpenAsync("aad-casemanager", default));
    }

    [Fact]
    public async Task Submit_Invalid_SameFormWithErrorsAndInputsKept()
    {
        var inputs = ValidInputs("form-1");
        inputs["caseRef"] = "Jan de Vries";
        inputs["situation"] = "BSN 111222333 van het kind";
        var (_, body) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, inputs) });
        var text = body!.ToJsonString();

        Assert.Contains("error-caseRef", text, StringComparison.Ordinal);
        Assert.Contains("error-situation", text, StringComparison.Ordinal);
        Assert.Contains("Meedenken over het veiligheidsplan", text, StringComparison.Ordinal);
        Assert.Empty(await Store.ListOpenAsync("aad-casemanager", default));
    }

    [Fact]
    public async Task PickUp_FromAnotherConversation_RefusedAndUnchanged()
    {
        await LinkChannelAsync();
        await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs("form-x")) });
        var request = Assert.Single(await Store.ListOpenAsync("aad-casemanager", default));

        var (_, body) = await InvokeAsync(Message(null, "a:personal-other", "personal", "29:other", "aad-other") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = request.Id }) });

        Assert.Contains("ander expertpoolkanaal", body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Nieuw, (await Store.GetAsync(request.Id, default))!.Status);
    }

    [Fact]
    public async Task ConnectorFails_RequestQueuedCasemanagerToldThenDeliveredOnRetry()
    {
        await LinkChannelAsync();
        var failChannel = true;
        _connector.Script = (_, r) => failChannel && r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel), StringComparison.Ordinal)
            ? new ScriptedResponse(500, FakeConnector.Error("InternalError"))
            : null;

        await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs("form-q")) });
        await WaitForAsync(r => r.RawTarget.Contains("a%3Apersonal-cm", StringComparison.Ordinal) && r.Body.Contains("wachtrij", StringComparison.Ordinal));
        var request = Assert.Single(await Store.ListOpenAsync("aad-casemanager", default));
        Assert.Null(request.TicketActivityId);

        failChannel = false;
        await Loopback.WaitUntilAsync(() => Store.GetAsync(request.Id, default).GetAwaiter().GetResult()!.TicketActivityId is not null, 10_000);
        Assert.Equal(0, await Store.PendingOutboxAsync(default));
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    private async Task LinkChannelAsync()
    {
        var reply = await SendAsync(InChannel("<at>ExpertBot</at> koppel dit kanaal aan Oldambt, Pekela", "29:gi-user", "aad-gi"));
        Assert.Contains("Kanaal gekoppeld", Text(reply), StringComparison.Ordinal);
    }

    private Activity Personal(string? text) => Message(text, "a:personal-cm", "personal", "29:casemanager", "aad-casemanager");

    private Activity InChannel(string? text, string user, string aad) => Message(text, Channel + ";messageid=1", "channel", user, aad) with
    {
        ChannelData = new JsonObject { ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" }, ["channel"] = new JsonObject { ["id"] = Channel } },
    };

    private Activity Message(string? text, string conversationId, string type, string user, string aad) =>
        BotHost.Message(_connector.ServiceUrl, text ?? "", "act-" + Interlocked.Increment(ref _ids), conversationId) with
        {
            Text = text,
            From = new ChannelAccount { Id = user, Name = user == "29:gi-user" ? "Marieke GI" : "Casemanager", AadObjectId = aad },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = type, TenantId = "tenant-1" },
        };

    private static JsonObject ValidInputs(string formId) => new()
    {
        ["formId"] = formId,
        ["municipality"] = "Oldambt",
        ["kind"] = "aansluiten-en-ondersteunen",
        ["caseRef"] = "WIJ-2026-0412",
        ["situation"] = "Ouders werken niet mee aan het veiligheidsplan; de hulp stagneert al maanden.",
        ["safety"] = "serious",
        ["contribution"] = "Meedenken over het veiligheidsplan en een netwerkberaad voorzitten.",
        ["parentsInformed"] = "yes",
        ["reason"] = "stagnatie",
        ["contact"] = "teams-chat",
    };

    private static JsonObject Execute(string verb, JsonObject data) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
    };

    private async Task<JsonObject> SendAsync(Activity activity)
    {
        var before = Replies().Count;
        Assert.Equal(200, (int)(await _bot.PostAsync(activity)).StatusCode);
        await Loopback.WaitUntilAsync(() => Replies().Count > before, 10_000);
        return Replies()[before];
    }

    private async Task<(int Status, JsonObject? Body)> InvokeAsync(Activity activity)
    {
        var response = await _bot.PostAsync(activity);
        var body = response.Content.Headers.ContentLength is > 0 ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        return ((int)response.StatusCode, body);
    }

    private async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        await Loopback.WaitUntilAsync(() => _connector.Requests.Any(match), 10_000);
        return _connector.Requests.First(match);
    }

    private List<JsonObject> Replies() =>
        [.. _connector.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!.AsObject()).Where(a => a["type"]?.GetValue<string>() == "message")];

    private static string Text(JsonObject reply) => reply["attachments"]?[0]?["content"]?.ToJsonString() ?? "";

    private static string FormId(JsonObject reply) =>
        System.Text.RegularExpressions.Regex.Match(Text(reply), "\"formId\":\"([0-9a-f]+)\"").Groups[1].Value;
}
