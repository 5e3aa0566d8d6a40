using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Conversation;

public sealed class ChatTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Message_ExpertQuestion_RepliesWithExpertCardFromThePool()
    {
        await using var host = await ChatTestHost.StartAsync();

        var replies = await host.SendAndWaitAsync(host.Message("Wie kan ik raadplegen over een vechtscheiding in Oldambt?"));

        var card = ChatTestHost.CardText(replies[^1]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", replies[^1]["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("Marieke Dijkstra", card);
    }

    [Fact]
    public async Task Message_RouteQuestion_RepliesWithRouteCard()
    {
        await using var host = await ChatTestHost.StartAsync();

        var replies = await host.SendAndWaitAsync(host.Message("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?"));

        Assert.Contains("Raad voor de Kinderbescherming", ChatTestHost.CardText(replies[^1]));
    }

    [Fact]
    public async Task FollowUpChoice_ViaInvoke_ContinuesTheRouteDecision()
    {
        await using var host = await ChatTestHost.StartAsync();
        var first = await host.SendAndWaitAsync(host.Message("Welke route?"));
        Assert.Contains("situatie", ChatTestHost.CardText(first[^1]));

        var (status, body) = await host.InvokeAsync(CardInvoke(host, "followup.choose", new JsonObject { ["followUp"] = "situatie", ["value"] = "maatregel-loopt" }));

        Assert.Equal(200, status);
        Assert.Contains("Samenwerken tijdens een maatregel", body!.ToJsonString(Relaxed));
    }

    [Fact]
    public async Task FollowUpChoice_ViaSubmitFallback_RepliesWithRoute()
    {
        await using var host = await ChatTestHost.StartAsync();
        await host.SendAndWaitAsync(host.Message("Welke route?"));

        var submit = host.Message("") with
        {
            Text = null,
            Value = new JsonObject { ["verb"] = "followup.choose", ["followUp"] = "situatie", ["value"] = "maatregel-afgelopen" },
        };
        var replies = await host.SendAndWaitAsync(submit);

        Assert.Contains("Nazorg", ChatTestHost.CardText(replies[^1]));
    }

    [Fact]
    public async Task Feedback_ThumbsDown_IsStoredWithoutText()
    {
        await using var host = await ChatTestHost.StartAsync();
        var replies = await host.SendAndWaitAsync(host.Message("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?"));
        var thumbsDown = ChatTestHost.ButtonData(replies[^1], "feedback", data => data["vote"]!.GetValue<int>() == -1);

        var (status, _) = await host.InvokeAsync(CardInvoke(host, "feedback", thumbsDown));

        Assert.Equal(200, status);
        var stored = await host.Bot.Services.GetRequiredService<IFeedbackStore>()
            .ListAsync(Day.AddYears(-5), Day.AddYears(5), CancellationToken.None);
        var feedback = Assert.Single(stored);
        Assert.Equal(-1, feedback.Vote);
        Assert.Equal("raadsonderzoek", feedback.RouteId);
        Assert.Equal("route", feedback.Intent);
    }

    [Fact]
    public async Task Reaction_OnTheAnswerMessage_IsStoredAsFeedbackOnThatAnswer()
    {
        await using var host = await ChatTestHost.StartAsync();
        host.Connector.Script = (_, request) => request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal)
            ? new ScriptedResponse(201, """{"id":"1700000000001"}""")
            : null;
        await host.SendAndWaitAsync(host.Message("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?"));
        var feedback = host.Bot.Services.GetRequiredService<IFeedbackStore>();

        var other = host.Message("") with { Type = ActivityTypes.MessageReaction, Text = null, ReplyToId = "1699999999999", ReactionsAdded = [new MessageReaction { Type = "like" }] };
        var like = other with { Id = host.NextId(), ReplyToId = "1700000000001" };
        await host.Bot.PostAsync(other);
        await host.Bot.PostAsync(like);
        await Loopback.WaitUntilAsync(() => feedback.ListAsync(Day.AddYears(-5), Day.AddYears(5), CancellationToken.None).Result.Count > 0, 10_000);

        var stored = Assert.Single(await feedback.ListAsync(Day.AddYears(-5), Day.AddYears(5), CancellationToken.None));
        Assert.Equal(1, stored.Vote);
        Assert.Equal("raadsonderzoek", stored.RouteId);
    }

    [Fact]
    public async Task FollowUpChoice_OnAnOlderCardAfterOtherQuestions_ContinuesThatCardsDecision()
    {
        await using var host = await ChatTestHost.StartAsync();
        var first = await host.SendAndWaitAsync(host.Message("Welke route?"));
        var (_, second) = await host.InvokeAsync(CardInvoke(host, "followup.choose",
            ChatTestHost.ButtonData(first[^1], "followup.choose", data => data["value"]!.GetValue<string>() == "hulp-nodig")));
        var askedForRole = new JsonObject { ["attachments"] = new JsonArray(new JsonObject { ["content"] = second!["value"]!.DeepClone() }) };
        var takeOver = ChatTestHost.ButtonData(askedForRole, "followup.choose", data => data["value"]!.GetValue<string>() == "overnemen");
        await host.SendAndWaitAsync(host.Message("Wie kan ik raadplegen over een vechtscheiding in Oldambt?"));
        await host.SendAndWaitAsync(host.Message("Welke route?"));

        var (status, body) = await host.InvokeAsync(CardInvoke(host, "followup.choose", takeOver));

        // That card's decision knew there is no acute danger; the choice alone would ask about the situation again.
        Assert.Equal(200, status);
        var card = body!["value"]!.ToJsonString(Relaxed);
        Assert.DoesNotContain("\"followUp\":\"situatie\"", card);
        Assert.Contains("Specialistisch casemanagement", card);
    }

    [Fact]
    public async Task GroupChatMention_IsStrippedAndAnswered()
    {
        await using var host = await ChatTestHost.StartAsync();
        var message = host.Message("<at>ExpertBot</at> Wie kan ik raadplegen over een vechtscheiding in Oldambt?", "19:group@thread.v2", "groupChat");
        message = message with
        {
            Entities = [Entity.Mention(new ChannelAccount { Id = message.Recipient!.Id, Name = "ExpertBot" })],
        };

        var replies = await host.SendAndWaitAsync(message);

        Assert.Contains("Marieke Dijkstra", ChatTestHost.CardText(replies[^1]));
        Assert.Equal("19:group@thread.v2", replies[^1]["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Install_InPersonalScope_WelcomesOnce()
    {
        await using var host = await ChatTestHost.StartAsync();
        Activity Added() => host.Message("") with
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = host.NextId(),
            Text = null,
            MembersAdded = [new ChannelAccount { Id = "28:" + ExpertBot.Bot.Tests.Protocol.TestTokenAuthority.AppId }],
        };

        var replies = await host.SendAndWaitAsync(Added());
        await host.Bot.PostAsync(Added());
        await Task.Delay(500);

        Assert.Contains("ExpertBot", ChatTestHost.CardText(replies[0]));
        Assert.Single(host.Replies());
    }

    [Fact]
    public async Task UnknownVerb_Invoke_AnswersKindlyWithoutCrashing()
    {
        await using var host = await ChatTestHost.StartAsync();

        var (status, body) = await host.InvokeAsync(CardInvoke(host, "does.not.exist", new JsonObject()));
        var after = await host.SendAndWaitAsync(host.Message("Welke route?"));

        Assert.Equal(200, status);
        Assert.Contains("knop", body!.ToJsonString(Relaxed));
        Assert.NotEmpty(after);
    }

    [Fact]
    public async Task EnglishLocale_AnswersInEnglish()
    {
        await using var host = await ChatTestHost.StartAsync();

        var replies = await host.SendAndWaitAsync(host.Message("The supervision order has ended, what can the GI still offer?", locale: "en-US"));

        Assert.Contains("Aftercare", ChatTestHost.CardText(replies[^1]));
    }

    [Fact]
    public async Task DutchQuestionFromAnEnglishClient_AnsweredInDutch_AndItsButtonsStayDutch()
    {
        await using var host = await ChatTestHost.StartAsync();
        var first = await host.SendAndWaitAsync(host.Message("Welke route past hier?", locale: "en-US"));
        Assert.Contains("Om de juiste route te kiezen", ChatTestHost.CardText(first[^1]));

        var (_, body) = await host.InvokeAsync(CardInvoke(host, "followup.choose",
            ChatTestHost.ButtonData(first[^1], "followup.choose", data => data["value"]!.GetValue<string>() == "maatregel-loopt")) with { Locale = "en-US" });

        var card = body!["value"]!.ToJsonString(Relaxed);
        Assert.Contains("Volgende stap", card);
        Assert.DoesNotContain("Next step", card);
    }

    [Fact]
    public async Task PersonalData_IsFlaggedAndNeverStoredOrLogged()
    {
        await using var host = await ChatTestHost.StartAsync();

        var replies = await host.SendAndWaitAsync(host.Message("Het gaat om Piet de Vries, BSN 123456782, tel 06-12345678. Welke route past?"));

        var card = ChatTestHost.CardText(replies[^1]);
        Assert.Contains("persoonsgegevens", card);
        Assert.DoesNotContain("123456782", card);
        Assert.DoesNotContain(host.Bot.Logs.Entries, e => e.Message.Contains("123456782") || e.Message.Contains("Piet") || e.Message.Contains("06-12345678"));
        var stored = await StoredStateAsync(host);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, json => json.Contains("123456782") || json.Contains("Piet") || json.Contains("06-12345678"));
    }

    private static async Task<List<string>> StoredStateAsync(ChatTestHost host)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_key || ' ' || json FROM conversation_state";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Activity CardInvoke(ChatTestHost host, string verb, JsonObject data) => host.Message("") with
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Text = null,
        Value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
        },
    };

    /// <summary>The answer id the card put on its feedback button.</summary>
    private static string FindAnswerId(JsonObject reply)
    {
        var json = reply.ToJsonString();
        var at = json.IndexOf("\"answerId\":\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "the card has no feedback button with an answer id");
        var start = at + "\"answerId\":\"".Length;
        return json[start..json.IndexOf('"', start)];
    }
}
