using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;

namespace ExpertBot.Bot.Tests.Cards;

public sealed class CardVerbsTests
{
    [Theory]
    [InlineData("en", "En")]
    [InlineData("nl", "Nl")]
    [InlineData("de", null)]
    [InlineData(null, null)]
    public void Language_FromTheCardsData_OnlyKnownLanguages(string? lang, string? expected)
    {
        var value = new JsonObject { ["verb"] = "experts.show", ["routeId"] = "nazorg" };
        if (lang is not null)
        {
            value["lang"] = lang;
        }

        Assert.True(CardVerbs.TryRead(value, out var action));
        Assert.Equal(expected, action.Language?.ToString());
    }

    [Fact]
    public void TryRead_InvokeValue_ReadsVerbAndData()
    {
        var value = JsonNode.Parse("""
            {"action":{"type":"Action.Execute","title":"Ja","verb":"followup.choose",
                       "data":{"followUp":"gevaar","value":"ja","answerId":"a1"}},"trigger":"manual"}
            """);

        Assert.True(CardVerbs.TryRead(value, out var action));

        Assert.Equal(CardVerbs.FollowUpChoose, action.Verb);
        Assert.Equal("gevaar", action.FollowUpId);
        Assert.Equal("ja", action.Value);
        Assert.Equal("a1", action.AnswerId);
    }

    [Fact]
    public void TryRead_SubmitValue_ReadsVerbAndLeavesItOutOfData()
    {
        var value = JsonNode.Parse("""{"verb":"feedback","answerId":"a1","vote":-1}""");

        Assert.True(CardVerbs.TryRead(value, out var action));

        Assert.Equal(CardVerbs.Feedback, action.Verb);
        Assert.Equal(-1, action.Vote);
        Assert.Equal("a1", action.AnswerId);
        Assert.False(action.Data.ContainsKey("verb"));
    }

    [Fact]
    public void TryRead_InvokeWithoutType_IsAccepted()
    {
        var value = JsonNode.Parse("""{"action":{"verb":"ask","data":{"text":"help"}}}""");

        Assert.True(CardVerbs.TryRead(value, out var action));
        Assert.Equal("help", action.Text);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("\"1\"", 1)]
    [InlineData("-1", -1)]
    [InlineData("\"-1\"", -1)]
    public void Vote_NumberOrNumericString_IsRead(string vote, int expected)
    {
        var value = JsonNode.Parse($$"""{"verb":"feedback","answerId":"a1","vote":{{vote}}}""");

        Assert.True(CardVerbs.TryRead(value, out var action));
        Assert.Equal(expected, action.Vote);
    }

    [Fact]
    public void TryRead_RequestOpenWithoutFields_IsAcceptedWithNullFields()
    {
        Assert.True(CardVerbs.TryRead(JsonNode.Parse("""{"verb":"request.open"}"""), out var action));

        Assert.Null(action.RouteId);
        Assert.Null(action.Municipality);
        Assert.Null(action.Topic);
    }

    [Fact]
    public void TryRead_Value_DataIsADetachedCopy()
    {
        var value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"experts.show","data":{"routeId":"nazorg"}}}""")!;

        Assert.True(CardVerbs.TryRead(value, out var action));
        value["action"]!["data"]!["routeId"] = "changed";

        Assert.Equal("nazorg", action.RouteId);
        Assert.Null(action.Data.Parent);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("1")]
    [InlineData("\"feedback\"")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("[{\"verb\":\"ask\",\"text\":\"x\"}]")]
    [InlineData("{}")]
    [InlineData("{\"action\":\"submit\",\"question\":\"x\"}")]
    [InlineData("{\"verb\":\"nope\",\"text\":\"x\"}")]
    [InlineData("{\"verb\":\"\"}")]
    [InlineData("{\"verb\":null}")]
    [InlineData("{\"verb\":{\"x\":1}}")]
    [InlineData("{\"verb\":\"FEEDBACK\",\"answerId\":\"a\",\"vote\":1}")]
    [InlineData("{\"verb\":\"ask\"}")]
    [InlineData("{\"verb\":\"ask\",\"text\":\"   \"}")]
    [InlineData("{\"verb\":\"ask\",\"text\":{\"nested\":true}}")]
    [InlineData("{\"verb\":\"feedback\",\"answerId\":\"a\",\"vote\":2}")]
    [InlineData("{\"verb\":\"feedback\",\"answerId\":\"a\",\"vote\":\"up\"}")]
    [InlineData("{\"verb\":\"feedback\",\"vote\":1}")]
    [InlineData("{\"verb\":\"followup.choose\",\"followUp\":\"gevaar\"}")]
    [InlineData("{\"verb\":\"experts.show\"}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"ask\"}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"ask\",\"data\":\"help\"}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"ask\",\"data\":null}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"text\":\"help\"}}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"unknown\",\"data\":{\"text\":\"help\"}}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Submit\",\"verb\":\"ask\",\"data\":{\"text\":\"help\"}}}")]
    [InlineData("{\"action\":{\"type\":7,\"verb\":\"ask\",\"data\":{\"text\":\"help\"}}}")]
    public void TryRead_Garbage_ReturnsFalseWithoutThrowing(string json)
    {
        Assert.False(CardVerbs.TryRead(JsonNode.Parse(json), out _));
    }

    [Fact]
    public void TryRead_Null_ReturnsFalse()
    {
        Assert.False(CardVerbs.TryRead(null, out _));
    }

    [Fact]
    public void TryRead_EveryButtonOnEverySample_RoundTripsInBothShapes()
    {
        var verbs = new HashSet<string>();
        foreach (var (name, card) in CardFixtures.Samples)
        {
            foreach (var execute in CardFixtures.Executes(card))
            {
                var verb = execute["verb"]!.GetValue<string>();
                var data = execute["data"]!.AsObject();
                var invoke = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                };
                var submit = execute["fallback"]!["data"]!.DeepClone();

                Assert.True(CardVerbs.TryRead(invoke, out var fromInvoke), $"{name}: invoke {invoke.ToJsonString()}");
                Assert.True(CardVerbs.TryRead(submit, out var fromSubmit), $"{name}: submit {submit.ToJsonString()}");
                Assert.Equal(verb, fromInvoke.Verb);
                Assert.Equal(verb, fromSubmit.Verb);
                Assert.True(JsonNode.DeepEquals(data, fromInvoke.Data), name);
                Assert.True(JsonNode.DeepEquals(data, fromSubmit.Data), name);
                verbs.Add(verb);
            }
        }

        Assert.Equal(CardVerbs.All.Order(StringComparer.Ordinal), verbs.Order(StringComparer.Ordinal));
    }
}
