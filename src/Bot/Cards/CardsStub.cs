using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Cards;

// Temporary stand-in until the cards branch lands.
internal sealed record CardAction(string Verb, JsonObject Data)
{
    public string? GetString(string name) => Data[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? GetInt(string name) => Data[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}

internal static class CardVerbs
{
    public const string FollowUpChoose = "followup.choose";
    public const string Feedback = "feedback";
    public const string ExpertsShow = "experts.show";
    public const string RequestOpen = "request.open";
    public const string Ask = "ask";

    public static bool TryRead(JsonNode? value, out CardAction action)
    {
        action = null!;
        return false;
    }
}

internal static class AnswerCards
{
    public static JsonObject For(Answer answer, string answerId) => new() { ["type"] = "AdaptiveCard", ["body"] = new JsonArray() };

    public static JsonObject Welcome(Lang lang) => new() { ["type"] = "AdaptiveCard" };

    public static JsonObject Help(Lang lang) => new() { ["type"] = "AdaptiveCard" };

    public static JsonObject Error(Lang lang, string message) => new() { ["type"] = "AdaptiveCard" };

    public static JsonObject FeedbackThanks(Lang lang) => new() { ["type"] = "AdaptiveCard" };
}
