using System.Text.Json.Nodes;

namespace ExpertBot.Bot.Cards;

/// <summary>
/// The few Adaptive Card 1.5 elements the cards use, limited to what Teams renders (no media, no action
/// styles, no <c>isEnabled</c>). Every text wraps; every button is an Action.Execute with a Submit fallback.
/// </summary>
internal static class CardElements
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>Longest knowledge text put on a card; longer text is cut (the card must stay far below Teams' size limit).</summary>
    public const int MaxTextLength = 1200;

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = new JsonArray([.. body]),
        };
        var buttons = actions?.ToArray() ?? [];
        if (buttons.Length > 0)
        {
            card["actions"] = new JsonArray(buttons);
        }

        return card;
    }

    public static JsonObject Text(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        string? id = null,
        bool visible = true,
        int max = MaxTextLength)
    {
        var block = new JsonObject { ["type"] = "TextBlock" };
        if (id is not null)
        {
            block["id"] = id;
        }

        block["text"] = Clip(text, max);
        block["wrap"] = true;
        Set(block, "size", size);
        Set(block, "weight", weight);
        Set(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        Set(block, "spacing", spacing);
        if (!visible)
        {
            block["isVisible"] = false;
        }

        return block;
    }

    public static JsonObject Heading(string text, string size = "Medium", string? spacing = null) =>
        Text(text, size: size, weight: "Bolder", spacing: spacing);

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, string? spacing = null, bool separator = false, string? id = null, bool visible = true, JsonObject? selectAction = null)
    {
        var container = new JsonObject { ["type"] = "Container" };
        if (id is not null)
        {
            container["id"] = id;
        }

        Set(container, "style", style);
        Set(container, "spacing", spacing);
        if (separator)
        {
            container["separator"] = true;
        }

        if (!visible)
        {
            container["isVisible"] = false;
        }

        if (selectAction is not null)
        {
            container["selectAction"] = selectAction;
        }

        container["items"] = new JsonArray([.. items]);
        return container;
    }

    public static JsonObject Column(IEnumerable<JsonNode> items, string width = "stretch", string? verticalAlignment = null)
    {
        var column = new JsonObject { ["type"] = "Column", ["width"] = width };
        Set(column, "verticalContentAlignment", verticalAlignment);
        column["items"] = new JsonArray([.. items]);
        return column;
    }

    public static JsonObject Columns(IEnumerable<JsonNode> columns, string? spacing = null, bool separator = false)
    {
        var set = new JsonObject { ["type"] = "ColumnSet" };
        Set(set, "spacing", spacing);
        if (separator)
        {
            set["separator"] = true;
        }

        set["columns"] = new JsonArray([.. columns]);
        return set;
    }

    public static JsonObject ActionSet(IEnumerable<JsonNode> actions, string? spacing = null)
    {
        var set = new JsonObject { ["type"] = "ActionSet" };
        Set(set, "spacing", spacing);
        set["actions"] = new JsonArray([.. actions]);
        return set;
    }

    /// <summary>
    /// An Action.Execute (Universal Actions: arrives as an <c>adaptiveCard/action</c> invoke) whose fallback is an
    /// Action.Submit with the same data plus the verb, for clients that do not know Action.Execute.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject data, string? tooltip = null)
    {
        var submitData = (JsonObject)data.DeepClone();
        submitData[CardVerbs.VerbField] = verb;
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title };
        var execute = new JsonObject { ["type"] = "Action.Execute", ["title"] = title };
        if (tooltip is not null)
        {
            execute["tooltip"] = Clip(tooltip, 200);
            submit["tooltip"] = Clip(tooltip, 200);
        }

        execute["verb"] = verb;
        execute["data"] = data;
        submit["data"] = submitData;
        execute["fallback"] = submit;
        return execute;
    }

    public static JsonObject OpenUrl(string title, string url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url,
    };

    public static JsonObject Toggle(params string[] targets) => new()
    {
        ["type"] = "Action.ToggleVisibility",
        ["targetElements"] = new JsonArray([.. targets.Select(t => (JsonNode)JsonValue.Create(t))]),
    };

    public static JsonObject Data(params (string Key, string? Value)[] fields)
    {
        var data = new JsonObject();
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                data[key] = value;
            }
        }

        return data;
    }

    public static string Clip(string text, int max = MaxTextLength)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    private static void Set(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
