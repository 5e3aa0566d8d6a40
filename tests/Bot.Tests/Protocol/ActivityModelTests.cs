using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Protocol;

public sealed class ActivityModelTests
{
    private const string TeamsMessage = """
        {
          "Type": "message", "id": "1485983408511", "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams", "legacy": {"replyToId": "x"},
          "from": {"id": "29:user", "name": "Casemanager", "aadObjectId": "aad-1", "givenName": "C"},
          "recipient": {"id": "28:bot", "name": "ExpertBot"},
          "conversation": {"id": "19:chan@thread.tacv2;messageid=1", "conversationType": "channel"},
          "text": "<at>ExpertBot</at> wat moet ik doen? <at>Collega</at>",
          "entities": [
            {"type": "mention", "mentioned": {"id": "28:bot", "name": "ExpertBot"}, "text": "<at>ExpertBot</at>"},
            {"type": "mention", "mentioned": {"id": "29:other", "name": "Collega"}, "text": "<at>Collega</at>"},
            {"type": "clientInfo", "locale": "nl-NL"}
          ],
          "channelData": {"tenant": {"id": "tenant-cd"}, "team": {"id": "19:team"}, "channel": {"id": "19:chan"}}
        }
        """;

    private static Activity Parse(string json = TeamsMessage) => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;

    [Fact]
    public void Deserialize_CaseInsensitiveWithUnknownFields_RoundTripsThem()
    {
        var activity = Parse();

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("x", (string?)json["legacy"]?["replyToId"]);
        Assert.Equal("C", (string?)json["from"]?["givenName"]);
        Assert.Equal("nl-NL", (string?)json["entities"]?[2]?["locale"]);
        Assert.Null(json["replyToId"]);
        Assert.NotNull(json["serviceUrl"]);
    }

    [Fact]
    public void StripBotMention_OwnMention_RemovedOthersKept()
    {
        Assert.Equal("wat moet ik doen? <at>Collega</at>", Parse().StripBotMention());
    }

    [Fact]
    public void StripBotMention_DifferentCase_Removed()
    {
        var activity = Parse() with { Text = "<AT>expertbot</AT>  hallo " };
        Assert.Equal("hallo", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_NoEntities_TrimsOnly()
    {
        var activity = Parse() with { Entities = null, Text = " <at>ExpertBot</at> hallo " };
        Assert.Equal("<at>ExpertBot</at> hallo", activity.StripBotMention());
    }

    [Fact]
    public void CreateReply_SwapsFromAndRecipient_ThreadsUnderIncoming()
    {
        var incoming = Parse();

        var reply = incoming.CreateReply("antwoord");

        Assert.Equal("28:bot", reply.From?.Id);
        Assert.Equal("29:user", reply.Recipient?.Id);
        Assert.Equal(incoming.Conversation, reply.Conversation);
        Assert.Equal("1485983408511", reply.ReplyToId);
        Assert.Null(reply.ServiceUrl);
        Assert.Equal("antwoord", reply.Text);
    }

    [Fact]
    public void CreateCardReply_Serialized_MatchesSnapshot()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""")!;

        var json = JsonSerializer.Serialize(Parse().CreateCardReply(card), ProtocolJson.Options);

        Assert.Equal(
            """{"type":"message","channelId":"msteams","from":{"id":"28:bot","name":"ExpertBot"},"recipient":{"id":"29:user","name":"Casemanager","aadObjectId":"aad-1"},"conversation":{"id":"19:chan@thread.tacv2;messageid=1","conversationType":"channel"},"replyToId":"1485983408511","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}]}""",
            json);
    }

    [Fact]
    public void ToConversationReference_TenantFromChannelData_TeamAndChannelCaptured()
    {
        var reference = Parse().ToConversationReference()!;

        Assert.Equal("tenant-cd", reference.TenantId);
        Assert.Equal("19:team", reference.TeamId);
        Assert.Equal("19:chan", reference.TeamsChannelId);
        Assert.Equal("28:bot", reference.BotId);
        Assert.Equal("29:user", reference.UserId);
        Assert.Equal("aad-1", reference.UserAadObjectId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
    }

    [Fact]
    public void ToConversationReference_ConversationTenantId_Preferred()
    {
        var activity = Parse() with { Conversation = new ConversationAccount { Id = "a:1", TenantId = "tenant-conv" } };
        Assert.Equal("tenant-conv", activity.ToConversationReference()!.TenantId);
    }

    [Fact]
    public void ToConversationReference_MissingServiceUrl_Null()
    {
        Assert.Null((Parse() with { ServiceUrl = null }).ToConversationReference());
    }
}

public sealed class ActivityRouterTests
{
    [Fact]
    public void Register_DuplicateType_Throws()
    {
        var router = new ActivityRouter().OnConversationUpdate((_, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => router.OnActivity("conversationupdate", (_, _) => Task.CompletedTask));
    }

    [Fact]
    public void Register_DuplicateInvokeName_Throws()
    {
        var router = new ActivityRouter().OnAdaptiveCardAction((_, _) => Task.FromResult(InvokeResponse.Ok()));
        Assert.Throws<InvalidOperationException>(() => router.OnInvoke("adaptiveCard/action", (_, _) => Task.FromResult(InvokeResponse.Ok())));
    }

    [Fact]
    public void Register_InvokeAsActivityType_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ActivityRouter().OnActivity("invoke", (_, _) => Task.CompletedTask));
    }

    [Fact]
    public void Register_AfterFreeze_Throws()
    {
        var router = new ActivityRouter();
        router.Freeze();
        Assert.Throws<InvalidOperationException>(() => router.OnMessageReaction((_, _) => Task.CompletedTask));
    }
}

public sealed class BotOptionsValidatorTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenant_Fails()
    {
        var result = new BotOptionsValidator(new Environment("Production"))
            .Validate(null, new BotOptions { AppId = "app", AppType = BotAppType.SingleTenant, ClientSecret = "s" });
        Assert.Contains("Bot:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppIdWithAllowAnonymous_Fails()
    {
        var result = new BotOptionsValidator(new Environment("Development"))
            .Validate(null, new BotOptions { AppId = "app", ClientSecret = "s", AllowAnonymous = true });
        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_SecretInAppSettingsFile_Fails()
    {
        var path = Path.Combine(Path.GetTempPath(), $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"Bot":{"ClientSecret":"leaked"}}""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var result = new BotOptionsValidator(new Environment("Production"), configuration)
                .Validate(null, new BotOptions { AppId = "app", ClientSecret = "leaked" });
            Assert.Contains("environment variables or user-secrets", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutSecret_Succeeds()
    {
        var result = new BotOptionsValidator(new Environment("Production"))
            .Validate(null, new BotOptions { AppId = "msi-client-id", AppType = BotAppType.UserAssignedMSI, TenantId = "t" });
        Assert.Equal(ValidateOptionsResult.Success, result);
    }
}
