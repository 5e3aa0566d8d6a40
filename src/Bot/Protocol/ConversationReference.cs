namespace ExpertBot.Bot.Protocol;

/// <summary>
/// What the bot keeps to reach a conversation later (proactive messages). Built only from authenticated
/// activities. Holds ids, never message text.
/// </summary>
internal sealed record ConversationReference
{
    public required string ChannelId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ConversationId { get; init; }
    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public required string BotId { get; init; }
    public string? BotName { get; init; }
    /// <summary>The user (29:…) the reference was captured from; for personal chats the chat's owner.</summary>
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamsChannelId { get; init; }
    public string? Locale { get; init; }
    /// <summary>Id of the activity the reference was captured from, for threaded replies.</summary>
    public string? ActivityId { get; init; }
}

/// <summary>Lifecycle of a stored reference.</summary>
internal enum ReferenceStatus
{
    Active = 0,
    /// <summary>Teams answered 403 (not in roster, blocked): do not send until a new activity arrives.</summary>
    Unreachable = 1,
    /// <summary>The app was uninstalled from the conversation.</summary>
    Revoked = 2,
}

internal sealed record StoredConversationReference(
    ConversationReference Reference,
    ReferenceStatus Status,
    DateTimeOffset UpdatedAt);
