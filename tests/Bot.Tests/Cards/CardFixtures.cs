using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Tests.Cards;

/// <summary>Answers from the shipped knowledge and helpers to look inside card JSON.</summary>
internal static class CardFixtures
{
    private static readonly Lazy<KnowledgeBase> ShippedKnowledge = new(KnowledgeLoader.LoadShipped);
    private static readonly Lazy<Answerer> SharedAnswerer = new(() => new Answerer(ShippedKnowledge.Value));
    private static readonly Lazy<IReadOnlyList<(string Name, JsonObject Card)>> AllSamples = new(() => [.. CardDump.Samples(ShippedKnowledge.Value)]);

    public static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static KnowledgeBase Shipped => ShippedKnowledge.Value;

    public static IReadOnlyList<(string Name, JsonObject Card)> Samples => AllSamples.Value;

    public static Answer Ask(string text, Lang? locale = null) =>
        SharedAnswerer.Value.Ask(new Question(text, CardDump.Today, locale));

    public static string Serialize(JsonNode card) => card.ToJsonString(Pretty);

    public static int Utf8Size(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    /// <summary>Every JSON object in the card, depth first, including action fallbacks.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode card, string type) =>
        Objects(card).Where(o => o["type"] is JsonValue value && value.TryGetValue<string>(out var t) && t == type);

    public static IEnumerable<JsonObject> Executes(JsonNode card) => OfType(card, "Action.Execute");

    public static IEnumerable<string> Texts(JsonNode card) =>
        OfType(card, "TextBlock").Select(o => o["text"]!.GetValue<string>());

    public static string AllText(JsonNode card) => string.Join("\n", Texts(card));

    public static IEnumerable<string> Urls(JsonNode card) =>
        OfType(card, "Action.OpenUrl").Select(o => o["url"]!.GetValue<string>());
}
