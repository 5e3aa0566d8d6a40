using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Tests.Protocol;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bench.LoadBench;

/// <summary>One simulated Teams conversation: 1:1 with the bot, one user, one tenant. Used by one worker at a time.</summary>
internal sealed class SimulatedConversation(int index, string tenantId)
{
    public int Index { get; } = index;
    public string Id { get; } = $"a:bench-{index}";
    public string TenantId { get; } = tenantId;
    public string UserId { get; } = $"29:bench-user-{index}";
    public string AadObjectId { get; } = $"00000000-0000-4000-8000-{index:D12}";

    /// <summary>Where in <see cref="MessageMix"/> this conversation is; starts staggered so the mix is spread over time.</summary>
    public int Step { get; set; } = index;

    public string? LastLocale { get; set; }

    /// <summary>The Action.Submit value of a follow-up button the last reply offered (real cards only).</summary>
    public JsonObject? OfferedFollowUp { get; set; }
}

/// <summary>
/// What casemanagers ask: who-questions, route questions, follow-ups, in Dutch and English. A follow-up is the
/// button the previous answer offered (sent as Teams sends an Action.Submit: a message whose value is the
/// button's data) or, when the card offered none, a typed clarification.
/// </summary>
internal static class MessageMix
{
    private static long s_buttons;
    private static long s_typed;

    /// <summary>Follow-ups sent as a button press (the card offered one) and as typed text.</summary>
    public static (long Buttons, long Typed) FollowUps => (Interlocked.Read(ref s_buttons), Interlocked.Read(ref s_typed));

    private const string FollowUp = "";

    private static readonly (string Text, string? Locale)[] Script =
    [
        ("Wie kan ik raadplegen over een vechtscheiding in Utrecht?", "nl-NL"),
        (FollowUp, null),
        ("Welke route past bij mijn casus in Groningen?", "nl-NL"),
        (FollowUp, null),
        ("Who can I consult about a complex divorce in Amersfoort?", "en-US"),
        ("When should I involve the GI for a family in Utrecht?", "en-US"),
        (FollowUp, null),
        ("A child in Zwolle is unsafe at home and a supervision order is running. Which route should I take?", "en-US"),
        (FollowUp, null),
        ("Met wie kan ik overleggen over schoolverzuim en zorgen over de opvoeding in Den Haag?", "nl-NL"),
        ("Wanneer vraag ik de jeugdbeschermer om informatie en advies?", "nl-NL"),
        ("Is there an expert on domestic violence available in Rotterdam?", "en-US"),
        (FollowUp, null),
    ];

    private static readonly Dictionary<string, string> TypedFollowUps = new(StringComparer.Ordinal)
    {
        ["nl-NL"] = "Er is geen direct gevaar, maar er loopt wel een OTS.",
        ["en-US"] = "There is no immediate danger, but a supervision order is running.",
    };

    public static Activity Next(SimulatedConversation conversation, string serviceUrl, string activityId)
    {
        var (text, locale) = Script[conversation.Step % Script.Length];
        conversation.Step++;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            From = new ChannelAccount { Id = conversation.UserId, Name = "Casemanager", AadObjectId = conversation.AadObjectId },
            Recipient = new ChannelAccount { Id = "28:" + TestTokenAuthority.AppId, Name = "ExpertBot" },
            Conversation = new ConversationAccount { Id = conversation.Id, ConversationType = "personal", TenantId = conversation.TenantId },
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = conversation.TenantId } },
        };

        if (!ReferenceEquals(text, FollowUp))
        {
            conversation.LastLocale = locale;
            return activity with { Text = text, Locale = locale, TextFormat = "plain" };
        }

        locale = conversation.LastLocale ?? "nl-NL";
        if (conversation.OfferedFollowUp is { } value)
        {
            conversation.OfferedFollowUp = null;
            Interlocked.Increment(ref s_buttons);
            return activity with { Value = value, Locale = locale };
        }

        Interlocked.Increment(ref s_typed);
        return activity with { Text = TypedFollowUps[locale], Locale = locale, TextFormat = "plain" };
    }

    /// <summary>The Action.Submit value for one of the follow-up buttons on a card, or null.</summary>
    public static JsonObject? FindFollowUp(byte[] replyBody, int pick)
    {
        var candidates = new List<JsonObject>();
        Collect(JsonNode.Parse(replyBody), candidates);
        return candidates.Count == 0 ? null : candidates[pick % candidates.Count];
    }

    private static void Collect(JsonNode? node, List<JsonObject> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["verb"] is JsonValue verb && verb.TryGetValue<string>(out var name) && name == "followup.choose")
                {
                    // Action.Execute { verb, data } becomes the submit value { verb, ...data }; submit data is used as is.
                    var value = obj["data"] is JsonObject data ? (JsonObject)data.DeepClone() : (JsonObject)obj.DeepClone();
                    value["verb"] = name;
                    found.Add(value);
                    return;
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, found);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, found);
                }

                break;
        }
    }
}
