namespace ExpertBot.Bot.Requests;

/// <summary>Requests logging (EventIds 6000–6099): request ids, codes and counts — never case text, situation or names.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Request {RequestId} submitted (kind {Kind}, safety {Safety}, created {Created})")]
    public static partial void Submitted(ILogger logger, string requestId, string kind, string safety, bool created);

    [LoggerMessage(6001, LogLevel.Information, "Request form rejected: {ErrorCount} field errors ({Fields})")]
    public static partial void FormRejected(ILogger logger, int errorCount, string fields);

    [LoggerMessage(6002, LogLevel.Information, "Request {RequestId}: {Transition} by {Role} → {Status}")]
    public static partial void Transitioned(ILogger logger, string requestId, string transition, string role, string status);

    [LoggerMessage(6003, LogLevel.Information, "Request {RequestId}: {Transition} refused ({Why})")]
    public static partial void Refused(ILogger logger, string requestId, string transition, string why);

    [LoggerMessage(6004, LogLevel.Information, "Request {RequestId}: {Kind} delivered")]
    public static partial void Delivered(ILogger logger, string requestId, string kind);

    [LoggerMessage(6005, LogLevel.Warning, "Request {RequestId}: {Kind} not delivered ({Error}), attempt {Attempt}; retrying at {NextAttempt:o}")]
    public static partial void DeliveryDeferred(ILogger logger, string requestId, string kind, string error, int attempt, DateTimeOffset nextAttempt);

    [LoggerMessage(6006, LogLevel.Information, "Channel linked to {Count} municipalities")]
    public static partial void ChannelLinked(ILogger logger, int count);

    [LoggerMessage(6007, LogLevel.Error, "Request outbox pass failed")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(6008, LogLevel.Warning, "Request {RequestId}: {Kind} dropped by Teams ({Code}); nothing to retry")]
    public static partial void DeliveryDropped(ILogger logger, string requestId, string kind, string? code);

    [LoggerMessage(6010, LogLevel.Information, "Posted {Count} tickets as one message in {ConversationId}: more were waiting than Teams lets through at once")]
    public static partial void TicketsBundled(ILogger logger, int count, string conversationId);

    [LoggerMessage(6012, LogLevel.Information, "Request {RequestId}: opened a personal chat with the routed expert")]
    public static partial void PersonalChatOpened(ILogger logger, string requestId);

    [LoggerMessage(6013, LogLevel.Warning, "Request {RequestId}: could not open a personal chat with the routed expert ({Result}); retried later")]
    public static partial void PersonalChatNotOpened(ILogger logger, string requestId, string result);

    [LoggerMessage(6011, LogLevel.Warning, "Channel link refused: the user is not in Requests:ChannelAdmins")]
    public static partial void ChannelLinkRefused(ILogger logger);

    [LoggerMessage(6009, LogLevel.Warning, "Request storage unavailable ({ErrorType}) during {Operation}")]
    public static partial void StorageUnavailable(ILogger logger, string errorType, string operation);

    [LoggerMessage(EventId = 6090, Level = LogLevel.Warning, Message = "Request {RequestId}: a follow-up on submit failed ({ErrorType}); the request itself is stored")]
    public static partial void ListenerFailed(ILogger logger, string requestId, string errorType);
}
