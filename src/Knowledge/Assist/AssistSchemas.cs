using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// The JSON schemas a language model must answer with (structured output, strict mode: every property required,
/// no others). The understanding schema lists the loaded knowledge's ids as enums, so a conforming model can only
/// name signals, topics and municipalities that exist.
/// </summary>
public static class AssistSchemas
{
    public const string UnderstandingName = "understanding";
    public const string PhrasingName = "phrasing";

    /// <summary>Strict mode allows a limited number of enum values per schema; above this the long lists go and the merge filters instead.</summary>
    internal const int MaxEnumValues = 400;

    /// <summary>Intents the model may propose; requests and reminders are commands the embedded reader already knows.</summary>
    internal static readonly string[] Intents = ["who", "route", "unknown"];

    public static JsonObject Understanding(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var signals = knowledge.Signals.Select(s => s.Id).ToList();
        var topics = knowledge.Topics.Select(t => t.Id).ToList();
        var municipalities = knowledge.Municipalities.Select(m => m.Name).ToList();
        var withMunicipalities = (2 * signals.Count) + topics.Count + municipalities.Count + Intents.Length <= MaxEnumValues;
        var withTopics = (2 * signals.Count) + topics.Count + Intents.Length <= MaxEnumValues;
        return Object(new()
        {
            ["intent"] = Enum(Intents, "who: asks which expert or organisation to consult; route: asks what to do or which route fits; unknown: neither"),
            ["acuteDanger"] = new JsonObject { ["type"] = "boolean", ["description"] = "true when a child may be in danger now or within days" },
            ["signalsPresent"] = Array(signals),
            ["signalsAbsent"] = Array(signals),
            ["topics"] = Array(withTopics ? topics : null),
            ["municipality"] = Nullable(withMunicipalities ? municipalities : null),
            ["day"] = Nullable(null, "the day the question asks about as yyyy-MM-dd, or null"),
        });
    }

    public static JsonObject Phrasing() => Object(new()
    {
        ["text"] = new JsonObject { ["type"] = "string" },
        ["expertIds"] = Array(null),
        ["routeIds"] = Array(null),
    });

    private static JsonObject Object(Dictionary<string, JsonNode> properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject([.. properties.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value))]),
        ["required"] = new JsonArray([.. properties.Keys.Select(k => (JsonNode)JsonValue.Create(k))]),
        ["additionalProperties"] = false,
    };

    private static JsonObject Enum(IEnumerable<string> values, string? description = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]) };
        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }

    private static JsonObject Array(IReadOnlyList<string>? values) => new()
    {
        ["type"] = "array",
        ["items"] = values is null ? new JsonObject { ["type"] = "string" } : Enum(values),
    };

    private static JsonObject Nullable(IReadOnlyList<string>? values, string? description = null)
    {
        var text = values is null ? new JsonObject { ["type"] = "string" } : Enum(values);
        var schema = new JsonObject { ["anyOf"] = new JsonArray(text, new JsonObject { ["type"] = "null" }) };
        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }
}
