namespace ExpertBot.Bot.Conversation;

/// <summary>Conversation logging (EventIds 4000–4099): ids, intents and counts only — never message text.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Answered {Intent} (route {RouteId}, {ExpertCount} experts, follow-up {FollowUpId}, {PiiCount} personal data findings) in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string intent, string? routeId, int expertCount, string? followUpId, int piiCount, long elapsedMs);

    [LoggerMessage(4001, LogLevel.Information, "Card action {Verb}")]
    public static partial void CardAction(ILogger logger, string verb);

    [LoggerMessage(4002, LogLevel.Warning, "Unknown or malformed card action (verb {Verb})")]
    public static partial void UnknownCardAction(ILogger logger, string? verb);

    [LoggerMessage(4003, LogLevel.Information, "Feedback {Vote} on an answer ({Intent}, route {RouteId})")]
    public static partial void Feedback(ILogger logger, int vote, string intent, string? routeId);

    [LoggerMessage(4004, LogLevel.Warning, "Conversation state unavailable ({ErrorType}); answering without memory")]
    public static partial void StateUnavailable(ILogger logger, string errorType);

    [LoggerMessage(4005, LogLevel.Warning, "Reply not delivered: {Result}")]
    public static partial void NotDelivered(ILogger logger, string result);

    [LoggerMessage(4006, LogLevel.Information, "Welcomed a new {ConversationType} conversation")]
    public static partial void Welcomed(ILogger logger, string? conversationType);

    [LoggerMessage(4007, LogLevel.Information, "Knowledge loaded: {Experts} experts, {Routes} routes, {Articles} articles (version {Version})")]
    public static partial void KnowledgeLoaded(ILogger logger, int experts, int routes, int articles, string version);

    [LoggerMessage(4008, LogLevel.Warning, "Feedback not stored ({ErrorType})")]
    public static partial void FeedbackNotStored(ILogger logger, string errorType);
}
