using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Reminders;
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
        _bot = await StartBotAsync(retryInterval: "00:00:00.200");
    }

    private Task<BotHost> StartBotAsync(string retryInterval, params (string Key, string Value)[] extra) => BotHost.StartAsync(new Dictionary<string, string?>(
        extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)))
    {
        ["Storage:SqlitePath"] = Path.Combine(_dir, "bot.db"),
        ["Bot:RetryBaseDelay"] = "00:00:00.010",
        ["Bot:MaxRetries"] = "1",
        ["Requests:RetryInterval"] = retryInterval,
        ["Requests:MaxRetryInterval"] = retryInterval == "01:00:00" ? retryInterval : "00:00:00.400",
        ["Requests:PollInterval"] = "00:00:00.050",
        ["Requests:MaxTicketsPerMessage"] = "10",
    }, services: s => s.AddBotStorage().AddConversation().AddRequests().AddReminders(), environment: "Development");

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
    public async Task Burst_MoreTicketsThanTeamsLetsThrough_BundledPerMessageEachWithItsOwnButtons()
    {
        // No channel yet: the tickets wait (and are not retried during the test). Linking the channel makes all
        // twelve due in one pass, more than the 7 per second Teams lets through to one channel.
        await _bot.DisposeAsync();
        _bot = await StartBotAsync(retryInterval: "01:00:00");
        var requests = new List<StoredRequest>();
        for (var i = 0; i < 12; i++)
        {
            requests.Add(await SubmitAsync(Guid.NewGuid().ToString("N")));
        }

        await LinkChannelAsync();

        int Tickets(RecordedRequest post) => requests.Count(r => post.Body.Contains(r.Reference, StringComparison.Ordinal));
        await Loopback.WaitUntilAsync(() => TicketPosts().Sum(Tickets) >= 12, 10_000);
        var posts = TicketPosts();
        Assert.Equal(2, posts.Count);
        Assert.Equal([10, 12 - 10], posts.Select(Tickets).OrderDescending());
        // The ticket ids are stored right after Teams accepted the messages.
        var stored = await Task.WhenAll(requests.Select(r => Store.GetAsync(r.Id, default)));
        for (var wait = 0; wait < 100 && stored.Any(r => r!.TicketActivityId is null); wait++)
        {
            await Task.Delay(50);
            stored = await Task.WhenAll(requests.Select(r => Store.GetAsync(r.Id, default)));
        }

        Assert.All(stored, r => Assert.NotNull(r!.TicketActivityId));
        Assert.Equal([2, 10], stored.GroupBy(r => r!.TicketActivityId).Select(g => g.Count()).Order());

        // One ticket of the bundle is picked up: the answer is the whole bundle, with only that ticket changed.
        var bundleId = stored.GroupBy(r => r!.TicketActivityId).Single(g => g.Count() == 10).Key!;
        var picked = stored.First(r => r!.TicketActivityId == bundleId)!;
        var (_, card) = await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = picked.Id }) });
        var json = card!.ToJsonString();
        Assert.Equal(10, requests.Count(r => json.Contains(r.Reference, StringComparison.Ordinal)));
        Assert.Equal(1, Occurrences(json, "(door Marieke GI)"));
        Assert.Contains("Komt in een eigen bericht", json, StringComparison.Ordinal);
        var pickUp = $"\"verb\":\"{CardVerbs.RequestPickUp}\"";
        Assert.Equal(9 * Occurrences(RequestCards.Ticket(picked).ToJsonString(), pickUp), Occurrences(json, pickUp));

        // It continues in a message of its own, with the full text; the bundle keeps a line for it.
        var own = await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel) + "/activities", StringComparison.Ordinal)
            && Occurrences(r.Body, "Adviesaanvraag AV-") == 1 && r.Body.Contains("(door Marieke GI)", StringComparison.Ordinal));
        Assert.Contains("Gevraagde bijdrage", own.Body, StringComparison.Ordinal);
        await WaitForAsync(r => r.Method == "PUT" && r.RawTarget.EndsWith(Uri.EscapeDataString(bundleId), StringComparison.Ordinal) && r.Body.Contains("Verder in een eigen bericht", StringComparison.Ordinal));
        var moved = await Store.GetAsync(picked.Id, default);
        Assert.NotEqual(bundleId, moved!.TicketActivityId);
        Assert.Equal(bundleId, moved.BundleActivityId);

        // From its own message the ticket works as any other: the answer reaches the casemanager and updates that message.
        var (_, answered) = await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestRespond, new JsonObject { ["requestId"] = picked.Id, ["message-respond"] = "Bel ons morgen even." }) });
        Assert.Equal(1, Occurrences(answered!.ToJsonString(), "Adviesaanvraag AV-"));
        await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("a%3Apersonal-cm", StringComparison.Ordinal) && r.Body.Contains("Bel ons morgen even.", StringComparison.Ordinal));
        await WaitForAsync(r => r.Method == "PUT" && r.RawTarget.EndsWith(Uri.EscapeDataString(moved.TicketActivityId!), StringComparison.Ordinal));
    }

    private List<RecordedRequest> TicketPosts() =>
        [.. _connector.Requests.Where(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel) + "/activities", StringComparison.Ordinal)
            && r.Body.Contains("adviesaanvra", StringComparison.OrdinalIgnoreCase))];

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task LinkChannel_ChannelAdminsSet_OnlyTheyCanLink()
    {
        await _bot.DisposeAsync();
        _bot = await StartBotAsync("00:00:00.200", ("Requests:ChannelAdmins:0", "aad-coordinator"));

        var refused = await SendAsync(InChannel("<at>ExpertBot</at> koppel dit kanaal aan Oldambt", "29:gi-user", "aad-gi"));
        var linked = await SendAsync(InChannel("<at>ExpertBot</at> koppel dit kanaal aan Oldambt", "29:coordinator", "aad-coordinator"));

        Assert.Contains("Niet gekoppeld", Text(refused), StringComparison.Ordinal);
        Assert.Contains("Kanaal gekoppeld", Text(linked), StringComparison.Ordinal);
        Assert.Equal("aad-coordinator", (await Store.FindChannelAsync("Oldambt", default))!.LinkedBy);
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

    [Fact]
    public async Task Submit_RoutedToAnExpertWhoNeverWroteToTheBot_PersonalChatOpenedAndTicketPostedThere()
    {
        await _bot.DisposeAsync();
        _bot = await StartBotAsync("00:00:00.200", ("Requests:Routes:0:Municipality", "Oldambt"), ("Requests:Routes:0:Target:Expert", "s-01"));
        var refuse = true;
        _connector.Script = (_, r) => refuse && r.Method == "POST" && r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? new ScriptedResponse(403, FakeConnector.Error("BotNotInConversationRoster"))
            : null;

        var request = await SubmitAsync("form-expert");
        // Not installed for the expert yet: Teams refuses, the ticket stays queued and nothing is lost.
        await WaitForAsync(r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Null((await Store.GetAsync(request.Id, default))!.TicketActivityId);

        refuse = false;
        await Loopback.WaitUntilAsync(() => Store.GetAsync(request.Id, default).GetAwaiter().GetResult()!.TicketActivityId is not null, 10_000);

        var parameters = JsonNode.Parse(_connector.Requests.Last(x => x.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal)).Body)!;
        Assert.Equal("29:fictief-s01", parameters["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", parameters["tenantId"]!.GetValue<string>());
        var stored = await Store.GetAsync(request.Id, default);
        var ticket = _connector.Requests.Single(r => r.Method == "POST" && r.RawTarget.Contains($"/v3/conversations/{Uri.EscapeDataString(stored!.TargetConversationId!)}/activities", StringComparison.Ordinal));
        Assert.Contains("Adviesaanvraag", ticket.Body, StringComparison.Ordinal);

        // The expert acts from that chat, which is now the ticket's conversation.
        var pick = await InvokeAsync(Message(null, stored!.TargetConversationId!, "personal", "29:fictief-s01", "aad-s01") with
        {
            Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = request.Id }),
        });
        Assert.Contains("Opgepakt", pick.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_EnglishLocale_FormConfirmationAndNotificationsInEnglish()
    {
        await LinkChannelAsync();

        var form = await SendAsync(Personal("request") with { Locale = "en-US" });
        Assert.Contains("Ask the GI for advice or consultation", Text(form), StringComparison.Ordinal);
        Assert.Contains("Case reference (pseudonym, no name or BSN)", Text(form), StringComparison.Ordinal);

        var invalid = ValidInputs(FormId(form));
        invalid["contribution"] = "";
        var (_, errors) = await InvokeAsync(Personal(null) with { Locale = "en-US", Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, invalid) });
        Assert.Contains("Please check 1 field(s) below.", errors!.ToJsonString(), StringComparison.Ordinal);

        var (_, confirmation) = await InvokeAsync(Personal(null) with { Locale = "en-US", Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs(FormId(form))) });
        Assert.Contains("Request received", confirmation!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("You get a new card here for every change.", confirmation.ToJsonString(), StringComparison.Ordinal);
        var request = Assert.Single(await Store.ListOpenAsync("aad-casemanager", default));

        // The ticket in the GI channel stays Dutch; the casemanager's notifications follow their locale.
        await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = request.Id }) });
        var notice = await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("a%3Apersonal-cm", StringComparison.Ordinal) && r.Body.Contains("Picked up by Marieke GI", StringComparison.Ordinal));
        Assert.Contains("Add information", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Opgepakt door", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteCardOpen_PrefillsKindFromRouteAndMunicipality()
    {
        var (status, body) = await InvokeAsync(Personal(null) with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestOpen, new JsonObject { ["routeId"] = "nazorg", ["municipality"] = "Pekela", ["topic"] = "vechtscheiding" }),
        });

        Assert.Equal(200, status);
        var card = body!["value"]!.AsObject();
        Assert.Equal("nazorg", Input(card, "kind")?["value"]?.GetValue<string>());
        Assert.Equal("Pekela", Input(card, "municipality")?["value"]?.GetValue<string>());
        var submit = Find(card, n => n["verb"]?.GetValue<string>() == CardVerbs.RequestSubmit)!;
        Assert.Equal("nazorg", submit["data"]?["routeId"]?.GetValue<string>());
        Assert.Equal("vechtscheiding", submit["data"]?["topic"]?.GetValue<string>());
    }

    [Fact]
    public async Task RouteCardOpen_RouteThatIsNoService_KindLeftAtWeetIkNiet()
    {
        var (_, body) = await InvokeAsync(Personal(null) with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestOpen, new JsonObject { ["routeId"] = "veilig-thuis" }),
        });

        var card = body!["value"]!.AsObject();
        Assert.Equal("weet-ik-niet", Input(card, "kind")?["value"]?.GetValue<string>());
        Assert.Null(Input(card, "municipality")?["value"]);
    }

    [Fact]
    public async Task AddInformation_ByCasemanager_StoredTicketUpdatedStatusUnchanged()
    {
        await LinkChannelAsync();
        var request = await SubmitAsync("form-add");
        await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel) + "/activities", StringComparison.Ordinal));

        var (_, body) = await InvokeAsync(Personal(null) with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestAddInformation, new JsonObject { ["requestId"] = request.Id, ["message-add"] = "De school maakt zich ook zorgen." }),
        });

        Assert.Contains("Informatie toegevoegd", body!.ToJsonString(), StringComparison.Ordinal);
        var stored = await Store.GetAsync(request.Id, default);
        Assert.Equal(RequestStatus.Nieuw, stored!.Status);
        Assert.Equal(["De school maakt zich ook zorgen."], stored.AddedInformation);
        var update = await WaitForAsync(r => r.Method == "PUT" && r.Body.Contains("De school maakt zich ook zorgen.", StringComparison.Ordinal));
        Assert.Contains("Aanvulling van de casemanager", update.Body, StringComparison.Ordinal);
        Assert.Equal(["submit", "add-information"], (await Store.ListEventsAsync(request.Id, default)).Select(e => e.Transition));
    }

    [Fact]
    public async Task AddInformation_WithBsn_RefusedNothingStored()
    {
        await LinkChannelAsync();
        var request = await SubmitAsync("form-add-bsn");

        var (_, body) = await InvokeAsync(Personal(null) with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestAddInformation, new JsonObject { ["requestId"] = request.Id, ["message-add"] = "BSN 111222333 van moeder" }),
        });

        Assert.Contains("Niet verstuurd", body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await Store.GetAsync(request.Id, default))!.AddedInformation);
    }

    [Fact]
    public async Task Withdraw_ByCasemanager_TicketShowsIngetrokkenAndGiCanNoLongerAct()
    {
        await LinkChannelAsync();
        var request = await SubmitAsync("form-withdraw");
        await WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(Channel) + "/activities", StringComparison.Ordinal));

        var (_, body) = await InvokeAsync(Personal(null) with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestWithdraw, new JsonObject { ["requestId"] = request.Id }),
        });

        Assert.Contains("Aanvraag ingetrokken", body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Ingetrokken, (await Store.GetAsync(request.Id, default))!.Status);
        Assert.Empty(await Store.ListOpenAsync("aad-casemanager", default));
        var update = await WaitForAsync(r => r.Method == "PUT" && r.Body.Contains("Ingetrokken", StringComparison.Ordinal));
        Assert.DoesNotContain("Oppakken", update.Body, StringComparison.Ordinal);

        var (_, pick) = await InvokeAsync(InChannel(null, "29:gi-user", "aad-gi") with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestPickUp, new JsonObject { ["requestId"] = request.Id }) });
        Assert.Contains("al ingetrokken", pick!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Ingetrokken, (await Store.GetAsync(request.Id, default))!.Status);
    }

    [Fact]
    public async Task Submit_WithEvaluationDate_SetsTheEvaluationReminderLinkedToTheRequest()
    {
        await LinkChannelAsync();
        var inputs = ValidInputs("form-evaluation");
        var evaluation = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        inputs["evaluationDate"] = evaluation.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, confirmation) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, inputs) });
        Assert.Equal(200, status);
        Assert.Contains("Ik herinner je aan de evaluatie op", confirmation!.ToJsonString(Relaxed), StringComparison.Ordinal);
        var request = (await Store.ListOpenAsync("aad-casemanager", default)).Single(r => r.IdempotencyKey.StartsWith("form-evaluation", StringComparison.Ordinal));

        var reminders = await _bot.Services.GetRequiredService<ExpertBot.Bot.Reminders.IReminderStore>().ListActiveAsync("aad-casemanager", 20, default);

        var reminder = Assert.Single(reminders, r => r.RequestId == request.Id && r.Kind == ExpertBot.Bot.Reminders.ReminderKind.Evaluation);
        Assert.Equal(evaluation, reminder.DueDate);
        Assert.Equal("WIJ-2026-0412", reminder.CaseReference);
    }

    [Fact]
    public async Task Submit_WithoutEvaluationDate_TracksTheEngagementForTheTwelveWeekCheck()
    {
        await LinkChannelAsync();
        var (_, confirmation) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs("form-no-evaluation")) });
        Assert.Contains("ik stel", confirmation!.ToJsonString(Relaxed), StringComparison.Ordinal);
        var request = (await Store.ListOpenAsync("aad-casemanager", default)).Single(r => r.IdempotencyKey.StartsWith("form-no-evaluation", StringComparison.Ordinal));

        var reminders = await _bot.Services.GetRequiredService<IReminderStore>().ListActiveAsync("aad-casemanager", 20, default);

        Assert.Contains(reminders, r => r.RequestId == request.Id && r.Kind == ReminderKind.Engagement);
        Assert.DoesNotContain(reminders, r => r.RequestId == request.Id && r.Kind == ReminderKind.Evaluation);
    }

    [Fact]
    public async Task Withdraw_BySomeoneElse_Refused()
    {
        await LinkChannelAsync();
        var request = await SubmitAsync("form-withdraw-other");

        var (_, body) = await InvokeAsync(Message(null, "a:personal-other", "personal", "29:other", "aad-other") with
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = Execute(CardVerbs.RequestWithdraw, new JsonObject { ["requestId"] = request.Id }),
        });

        Assert.Contains("Dat kan niet", body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Nieuw, (await Store.GetAsync(request.Id, default))!.Status);
    }

    [Fact]
    public async Task Aanvragen_ListsOnlyTheCasemanagersOpenRequests()
    {
        await LinkChannelAsync();
        var first = await SubmitAsync("form-list-1");
        var second = await SubmitAsync("form-list-2");
        await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestWithdraw, new JsonObject { ["requestId"] = second.Id }) });

        var list = Text(await SendAsync(Personal("aanvragen")));
        Assert.Contains("Je openstaande aanvragen bij de GI", list, StringComparison.Ordinal);
        Assert.Contains(first.Reference, list, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Reference, list, StringComparison.Ordinal);

        var other = Text(await SendAsync(Message("aanvragen", "a:personal-other", "personal", "29:other", "aad-other")));
        Assert.Contains("Je hebt geen openstaande aanvragen.", other, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Reference, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkChannel_MunicipalityWithEnInItsName_Linked()
    {
        var reply = await SendAsync(InChannel("<at>ExpertBot</at> koppel dit kanaal aan Oldambt en Aa en Hunze, Pekela", "29:gi-user", "aad-gi"));

        Assert.Contains("Kanaal gekoppeld", Text(reply), StringComparison.Ordinal);
        foreach (var municipality in new[] { "Oldambt", "Aa en Hunze", "Pekela" })
        {
            Assert.Equal(Channel, (await Store.FindChannelAsync(municipality, default))?.ConversationId);
        }
    }

    [Theory]
    [InlineData("Oldambt en Aa en Hunze", "Oldambt|Aa en Hunze")]
    [InlineData("Aa en Hunze en Oldambt", "Aa en Hunze|Oldambt")]
    [InlineData("Aa and Hunze", "Aa en Hunze")]
    [InlineData("Oldambt en Pekela", "Oldambt|Pekela")]
    [InlineData("Aa en Atlantis", "Aa|Atlantis")]
    public void SplitWords_LongestKnownNameWins(string part, string expected) =>
        Assert.Equal(expected.Split('|'), RequestHandlers.SplitWords(part, n => n is "Oldambt" or "Pekela" or "Aa en Hunze"));

    private async Task<StoredRequest> SubmitAsync(string formId)
    {
        var (status, _) = await InvokeAsync(Personal(null) with { Type = "invoke", Name = "adaptiveCard/action", Value = Execute(CardVerbs.RequestSubmit, ValidInputs(formId)) });
        Assert.Equal(200, status);
        return (await Store.ListOpenAsync("aad-casemanager", default)).Single(r => r.IdempotencyKey.StartsWith(formId, StringComparison.Ordinal));
    }

    private static JsonObject? Input(JsonNode card, string id) => Find(card, n => n["id"]?.GetValue<string>() == id && n["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static JsonObject? Find(JsonNode? node, Func<JsonObject, bool> match) => node switch
    {
        JsonObject o when match(o) => o,
        JsonObject o => o.Select(p => Find(p.Value, match)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => Find(n, match)).FirstOrDefault(f => f is not null),
        _ => null,
    };

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

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>Posts a message and returns the bot's reply to it (not a notification the outbox sends meanwhile).</summary>
    private async Task<JsonObject> SendAsync(Activity activity)
    {
        Assert.Equal(200, (int)(await _bot.PostAsync(activity)).StatusCode);
        var replyPath = "/activities/" + Uri.EscapeDataString(activity.Id!);
        await Loopback.WaitUntilAsync(() => RepliesTo(replyPath).Count > 0, 10_000);
        return RepliesTo(replyPath)[0];
    }

    private List<JsonObject> RepliesTo(string replyPath) =>
        [.. _connector.Requests
            .Where(r => r.Method == "POST" && r.RawTarget.EndsWith(replyPath, StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!.AsObject())
            .Where(a => a["type"]?.GetValue<string>() == "message")];

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
