using System.Net;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;

namespace ExpertBot.Bot.Tests.Protocol;

/// <summary>End to end: a signed activity in, a handler replying through ITurnContext, the fake Connector receiving it.</summary>
public sealed class TurnContextTests
{
    [Fact]
    public async Task Reply_FromHandler_ReachesConnectorWithTypingTextCardAndUpdate()
    {
        await using var authority = await TestTokenAuthority.StartAsync();
        var key = authority.Publish("k1", "msteams");
        await using var connector = await FakeConnector.StartAsync();
        var done = new TaskCompletionSource<SendResult[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotHost.StartAsync(
            BotHost.AuthenticatedSettings(authority),
            (router, _) => router.OnMessage(async (turn, ct) =>
            {
                var typing = await turn.TypingAsync(ct);
                var text = await turn.ReplyAsync("antwoord: " + turn.Activity.StripBotMention(), ct);
                var card = await turn.ReplyAsync(JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5"}""")!, ct);
                var update = await turn.UpdateAsync(((SendResult.Sent)card).ActivityId!, new() { Text = "bijgewerkt" }, ct);
                done.TrySetResult([typing, text, card, update]);
            }),
            services => services.AddSingleton<IBotTokenProvider>(new FakeTokenProvider()));
        var message = BotHost.Message(connector.ServiceUrl, text: "vraag");

        using var response = await bot.PostAsync(message, TestTokenAuthority.CreateToken(key, "k1", connector.ServiceUrl));
        var results = await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(results, r => Assert.True(r.IsSent));
        var requests = connector.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal("/v3/conversations/a%3A1personal/activities/1485983408511", requests[1].RawTarget);
        var reply = JsonNode.Parse(requests[1].Body)!;
        Assert.Equal("antwoord: vraag", (string?)reply["text"]);
        Assert.Equal("28:" + TestTokenAuthority.AppId, (string?)reply["from"]?["id"]);
        Assert.Equal("29:user", (string?)reply["recipient"]?["id"]);
        Assert.Equal("typing", (string?)JsonNode.Parse(requests[0].Body)!["type"]);
        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)JsonNode.Parse(requests[2].Body)!["attachments"]?[0]?["contentType"]);
        Assert.Equal("PUT", requests[3].Method);
        Assert.Equal("message", (string?)JsonNode.Parse(requests[3].Body)!["type"]);

        var stored = await bot.Services.GetRequiredService<IConversationReferenceStore>().GetAsync("msteams", "a:1personal", CancellationToken.None);
        Assert.Equal(connector.ServiceUrl, stored!.Reference.ServiceUrl);
    }
}
