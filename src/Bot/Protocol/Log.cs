namespace ExpertBot.Bot.Protocol;

/// <summary>
/// Protocol log events, EventIds 1000–1999. Ids, types, status codes and hosts only: never message text,
/// card values, tokens or names.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "Bot protocol runs WITHOUT authentication ({Reason}): any caller can post activities. Never use this outside local testing.")]
    public static partial void AnonymousMode(ILogger logger, string reason);

    [LoggerMessage(1001, LogLevel.Information, "Request rejected with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(1002, LogLevel.Error, "OpenID metadata {MetadataAddress} unavailable; requests cannot be authenticated")]
    public static partial void OpenIdMetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Unknown signing key id: refreshing keys from {MetadataAddress}")]
    public static partial void SigningKeyRefresh(ILogger logger, string metadataAddress);

    [LoggerMessage(1010, LogLevel.Debug, "Received {ActivityType} activity {ActivityId} on {ChannelId}")]
    public static partial void ActivityReceived(ILogger logger, string? activityType, string? activityId, string? channelId);

    [LoggerMessage(1011, LogLevel.Information, "Redelivered {ActivityType} activity {ActivityId} acknowledged without handling it again")]
    public static partial void Redelivery(ILogger logger, string? activityType, string activityId);

    [LoggerMessage(1012, LogLevel.Debug, "No handler for {ActivityType} activity {ActivityId}; ignored")]
    public static partial void ActivityIgnored(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(1013, LogLevel.Warning, "Turn queue full: {ActivityType} activity {ActivityId} not accepted (503)")]
    public static partial void QueueFull(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(1014, LogLevel.Information, "Conversation reference revoked (app removed), activity {ActivityId}")]
    public static partial void ReferenceRevoked(ILogger logger, string? activityId);

    [LoggerMessage(1015, LogLevel.Error, "Could not store the conversation reference of {ActivityType} activity {ActivityId}")]
    public static partial void ReferenceStoreFailed(ILogger logger, string? activityType, string? activityId, Exception exception);

    [LoggerMessage(1020, LogLevel.Debug, "Turn {ActivityType} {ActivityId} completed in {ElapsedMs} ms")]
    public static partial void TurnCompleted(ILogger logger, string? activityType, string? activityId, double elapsedMs);

    [LoggerMessage(1021, LogLevel.Warning, "Turn {ActivityType} {ActivityId} timed out after {Timeout}")]
    public static partial void TurnTimedOut(ILogger logger, string? activityType, string? activityId, TimeSpan timeout);

    [LoggerMessage(1022, LogLevel.Information, "Turn {ActivityType} {ActivityId} cancelled by shutdown")]
    public static partial void TurnCancelled(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(1023, LogLevel.Error, "Turn {ActivityType} {ActivityId} failed")]
    public static partial void TurnFailed(ILogger logger, string? activityType, string? activityId, Exception exception);

    [LoggerMessage(1024, LogLevel.Warning, "Invoke {InvokeName} {ActivityId} overran {Timeout}; answered 'still working', the handler continues")]
    public static partial void InvokeOverran(ILogger logger, string? invokeName, string? activityId, TimeSpan timeout);

    [LoggerMessage(1030, LogLevel.Warning, "Outbound call refused: host {Host} is not an allowed serviceUrl host")]
    public static partial void ServiceUrlRefused(ILogger logger, string host);

    [LoggerMessage(1031, LogLevel.Error, "Could not acquire a Bot Connector token")]
    public static partial void TokenAcquisitionFailed(ILogger logger, Exception exception);

    [LoggerMessage(1032, LogLevel.Warning, "Bot Connector {Method} failed: network error")]
    public static partial void ConnectorUnreachable(ILogger logger, string method, Exception exception);

    [LoggerMessage(1033, LogLevel.Debug, "Bot Connector {Method} answered {Status} (operation {OperationId})")]
    public static partial void ConnectorCallSucceeded(ILogger logger, string method, int status, string? operationId);

    [LoggerMessage(1034, LogLevel.Warning, "Conversation unreachable: {Status} {Code} (operation {OperationId}); reference marked Unreachable")]
    public static partial void ConversationUnreachable(ILogger logger, int status, string code, string? operationId);

    [LoggerMessage(1035, LogLevel.Warning, "Bot Connector {Method} dropped: 404 {Code} (operation {OperationId})")]
    public static partial void ConnectorCallDropped(ILogger logger, string method, string? code, string? operationId);

    [LoggerMessage(1036, LogLevel.Warning, "Bot Connector {Method} failed: {Status} {Code} (operation {OperationId})")]
    public static partial void ConnectorCallFailed(ILogger logger, string method, int status, string? code, string? operationId);
}
