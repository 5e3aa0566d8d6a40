using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Unknown fields survive a round trip through
/// <see cref="ExtensionData"/> because Teams adds non-spec fields and receivers must accept them.
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? InputHint { get; init; }
    public string? AttachmentLayout { get; init; }
    public string? Locale { get; init; }
    public IList<Attachment>? Attachments { get; init; }
    public IList<Entity>? Entities { get; init; }
    public JsonObject? ChannelData { get; init; }
    public JsonNode? Value { get; init; }
    public string? ValueType { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public IList<ChannelAccount>? MembersAdded { get; init; }
    public IList<ChannelAccount>? MembersRemoved { get; init; }
    public IList<MessageReaction>? ReactionsAdded { get; init; }
    public IList<MessageReaction>? ReactionsRemoved { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

internal sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

internal sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

internal sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }

    /// <summary>An Adaptive Card attachment; <paramref name="card"/> is the card JSON (type AdaptiveCard).</summary>
    public static Attachment AdaptiveCard(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment { ContentType = AdaptiveCardContentType, Content = card };
    }
}

/// <summary>An entity; for <c>type: "mention"</c> also <see cref="Mentioned"/> and <see cref="Text"/>.</summary>
internal sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }

    public static Entity Mention(ChannelAccount mentioned)
    {
        ArgumentNullException.ThrowIfNull(mentioned);
        return new Entity { Type = MentionType, Mentioned = mentioned, Text = $"<at>{mentioned.Name}</at>" };
    }
}

internal sealed record MessageReaction
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>The Connector's answer to a send, reply or update: the id of the stored activity.</summary>
internal sealed record ResourceResponse
{
    public string? Id { get; init; }
}

/// <summary>Body of <c>POST v3/conversations</c>.</summary>
internal sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonObject? ChannelData { get; init; }
}

internal sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>The well-known activity types and invoke names used by Teams.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
}

internal static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string TaskFetch = "task/fetch";
    public const string TaskSubmit = "task/submit";
}

/// <summary>One set of serializer options for everything on the wire.</summary>
internal static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        // Web defaults: camelCase out, case-insensitive in.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
