using System.Diagnostics;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.LanguageModel;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Conversation;
using ExpertBot.Bot.Tests.Protocol;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Tests.LanguageModel;

/// <summary>The chat through the real bot host (fake Bot Connector and fake Azure OpenAI, both on loopback).</summary>
public sealed class AzureOpenAIChatTests
{
    private const string RouteQuestion = "Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?";

    [Fact]
    public async Task Chat_WithAzureOpenAI_CardCarriesTheCheckedWordingAndTheSources()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        await using var host = await ChatTestHost.StartAsync(model.Settings());

        var replies = await host.SendAndWaitAsync(host.Message(RouteQuestion + " Moeder heeft BSN 111222333."));

        var card = ChatTestHost.CardText(replies[^1]);
        Assert.Contains("Grounded wording: Verzoek tot onderzoek bij de Raad", card);
        Assert.Contains("Bronnen", card);
        Assert.All(AssistantFixture.Embedded(RouteQuestion).Sources, s => Assert.Contains(s.Document, card));
        Assert.Equal(2, model.Requests.Count);
        Assert.All(model.Requests, r => Assert.DoesNotContain("111222333", r.RawBody));
        Assert.DoesNotContain(host.Bot.Logs.Entries, e => e.Message.Contains("Grounded wording", StringComparison.Ordinal) || e.Message.Contains("onveiligheid", StringComparison.Ordinal));
        Assert.Contains(host.Bot.Logs.Entries, e => e.EventId == 7000);
    }

    [Fact]
    public async Task Chat_AnswerTakesLongerThanAMoment_TypingIndicatorFirstThenTheAnswer()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        model.Script = request => new FakeReply.Delayed(TimeSpan.FromMilliseconds(600), FakeAzureOpenAI.Grounded(request));
        await using var host = await ChatTestHost.StartAsync(model.Settings());

        var replies = await host.SendAndWaitAsync(host.Message(RouteQuestion));

        // Two model calls of 0.6 s: past the 0.7 s after which the user sees "typing…", before the answer.
        var posted = host.Connector.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["typing", "message"], posted);
        Assert.Contains("Grounded wording", ChatTestHost.CardText(replies[^1]));
    }

    [Fact]
    public async Task Chat_QuickAnswer_NoTypingIndicator()
    {
        await using var host = await ChatTestHost.StartAsync();

        await host.SendAndWaitAsync(host.Message(RouteQuestion));

        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains("\"typing\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_AzureOpenAIDown_AnswersWithTheEmbeddedCardInTime()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        model.Script = _ => new FakeReply.Error(500, FakeAzureOpenAI.ServerError);
        await using var host = await ChatTestHost.StartAsync(model.Settings());
        var watch = Stopwatch.StartNew();

        var replies = await host.SendAndWaitAsync(host.Message(RouteQuestion));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        var card = ChatTestHost.CardText(replies[^1]);
        Assert.Contains("Raad voor de Kinderbescherming", card);
        Assert.DoesNotContain("Grounded wording", card);
        Assert.Contains(host.Bot.Logs.Entries, e => e.EventId == 7001 && e.Message.Contains("http-500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExampleButton_InvokeAnsweredInline_EmbeddedWithoutAModelCall()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        await using var host = await ChatTestHost.StartAsync(model.Settings());
        var invoke = host.Message("") with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Text = null,
            Value = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ask", ["data"] = new JsonObject { ["text"] = RouteQuestion } },
            },
        };

        var (status, body) = await host.InvokeAsync(invoke);

        Assert.Equal(200, status);
        Assert.Contains("Raad voor de Kinderbescherming", body!.ToJsonString());
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task Start_NoAzureOpenAISection_EmbeddedAssistantAndTheSameCard()
    {
        await using var host = await ChatTestHost.StartAsync();

        var replies = await host.SendAndWaitAsync(host.Message(RouteQuestion));

        Assert.IsType<EmbeddedAssistant>(host.Bot.Services.GetRequiredService<IAnswerAssistant>());
        Assert.False(host.Bot.Services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.Enabled);
        var content = replies[^1]["attachments"]![0]!["content"]!;
        var json = content.ToJsonString();
        var at = json.IndexOf("\"answerId\":\"", StringComparison.Ordinal) + 12;
        var answerId = json[at..json.IndexOf('"', at)];
        // Exactly the card the knowledge core alone gives.
        Assert.Equal(AnswerCards.For(AssistantFixture.Embedded(RouteQuestion), answerId).ToJsonString(), json);
    }

    [Theory]
    [InlineData("AzureOpenAI:Endpoint", "http://openai.example.com/", "AzureOpenAI:Endpoint")]
    [InlineData("AzureOpenAI:Deployment", "", "AzureOpenAI:Deployment")]
    [InlineData("AzureOpenAI:UseManagedIdentity", "true", "AzureOpenAI:ApiKey or AzureOpenAI:UseManagedIdentity")]
    [InlineData("AzureOpenAI:Timeout", "00:05:00", "AzureOpenAI:Timeout")]
    [InlineData("AzureOpenAI:CacheSize", "0", "AzureOpenAI:CacheSize")]
    public async Task Start_InvalidAzureOpenAISetting_StopsNamingTheKey(string key, string value, string named)
    {
        var dir = Directory.CreateTempSubdirectory("expertbot-llm-");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir.FullName, "bot.db"),
            ["AzureOpenAI:Endpoint"] = "https://my-resource.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "from-the-environment",
            [key] = value,
        };
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(
                settings, services: s => s.AddBotStorage().AddConversation(), environment: "Development"));

            Assert.Contains(named, error.Message);
            Assert.DoesNotContain("from-the-environment", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
