using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ExpertBot.Bot.Protocol;

internal static class ActivityExtensions
{
    /// <summary>
    /// The text without the bot's own @mention(s): entities whose mentioned id equals the recipient id are
    /// removed as <c>&lt;at&gt;name&lt;/at&gt;</c> (case-insensitive), then the text is trimmed.
    /// </summary>
    public static string StripBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            // Prefer the literal mention text Teams sent; fall back to <at>name</at>.
            var candidates = new[] { entity.Text, entity.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null };
            foreach (var candidate in candidates)
            {
                if (!string.IsNullOrEmpty(candidate))
                {
                    text = Regex.Replace(text, Regex.Escape(candidate), string.Empty,
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
            }
        }

        return text.Trim();
    }

    /// <summary>A message addressed back to the sender of <paramref name="activity"/>, threaded under it.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = activity.ChannelId,
            From = activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
            Recipient = activity.From is { } user
                ? new ChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId }
                : null,
            Conversation = activity.Conversation,
            ReplyToId = activity.Id,
            Locale = activity.Locale,
            Text = text,
        };
    }

    /// <summary>A reply carrying one Adaptive Card.</summary>
    public static Activity CreateCardReply(this Activity activity, JsonNode card) =>
        activity.CreateReply() with { Attachments = [Attachment.AdaptiveCard(card)] };

    /// <summary>
    /// The reference to store for proactive messages. Null when the activity lacks what a reference needs
    /// (channel id, serviceUrl, conversation id, bot id).
    /// </summary>
    public static ConversationReference? ToConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.ServiceUrl)
            || string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.Recipient?.Id))
        {
            return null;
        }

        var channelData = activity.ChannelData;
        return new ConversationReference
        {
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            ConversationId = activity.Conversation.Id,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.Conversation.TenantId ?? ReadString(channelData, "tenant", "id"),
            BotId = activity.Recipient.Id,
            BotName = activity.Recipient.Name,
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            TeamId = ReadString(channelData, "team", "id"),
            TeamsChannelId = ReadString(channelData, "channel", "id"),
            Locale = activity.Locale,
            ActivityId = activity.Id,
        };
    }

    /// <summary>
    /// Fills the addressing fields of an outgoing activity from a reference (from = bot, recipient = user,
    /// conversation), leaving whatever the caller already set.
    /// </summary>
    public static Activity ApplyReference(this Activity activity, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        return activity with
        {
            ChannelId = activity.ChannelId ?? reference.ChannelId,
            From = activity.From ?? new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            Recipient = activity.Recipient
                ?? (reference.UserId is null ? null : new ChannelAccount { Id = reference.UserId }),
            Conversation = activity.Conversation ?? new ConversationAccount
            {
                Id = reference.ConversationId,
                ConversationType = reference.ConversationType,
                TenantId = reference.TenantId,
            },
        };
    }

    /// <summary>Teams' <c>channelData.tenant.id</c> or <c>conversation.tenantId</c>.</summary>
    public static string? TenantId(this Activity activity) =>
        activity.Conversation?.TenantId ?? ReadString(activity.ChannelData, "tenant", "id");

    public static bool IsInvoke(this Activity activity) =>
        string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);

    private static string? ReadString(JsonObject? channelData, string objectName, string property) =>
        channelData?[objectName] is JsonObject obj && obj[property] is JsonValue value
            && value.TryGetValue<string>(out var result)
            ? result
            : null;
}
