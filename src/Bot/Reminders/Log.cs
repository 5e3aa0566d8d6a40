namespace ExpertBot.Bot.Reminders;

/// <summary>Reminder logging, EventIds 5000–5099. Ids, kinds and counts only: never a subject, case text or name.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Reminder {ReminderId} set ({Kind}, recurring: {Recurring}, {Nudges} nudges)")]
    public static partial void ReminderCreated(ILogger logger, string reminderId, string kind, bool recurring, int nudges);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Reminder request needs clarification ({Reason})")]
    public static partial void ReminderClarification(ILogger logger, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Reminder {ReminderId}: {Action}")]
    public static partial void ReminderAction(ILogger logger, string reminderId, string action);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Reminder action {Verb} refused: reminder {ReminderId} not found or not the user's")]
    public static partial void ReminderActionRefused(ILogger logger, string verb, string reminderId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Reminders are unavailable: the store failed during {Operation}")]
    public static partial void StoreUnavailable(ILogger logger, string operation);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Reminder scheduler {Instance} started (poll {PollInterval}, lease {Lease}, batch {BatchSize})")]
    public static partial void SchedulerStarted(ILogger logger, string instance, TimeSpan pollInterval, TimeSpan lease, int batchSize);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "Claimed {Count} due nudges")]
    public static partial void Claimed(ILogger logger, int count);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Nudge card sent for {Items} reminders ({Nudges} nudges, late: {Late}) as activity {ActivityId}")]
    public static partial void NudgeSent(ILogger logger, int items, int nudges, bool late, string? activityId);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Nudge send failed ({Result}, attempt {Attempt}); retrying at {RetryAt:o}")]
    public static partial void NudgeRetry(ILogger logger, string result, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "Nudge given up ({Reason}) for {Nudges} nudges of reminders {ReminderIds}")]
    public static partial void NudgeGivenUp(ILogger logger, string reason, int nudges, string reminderIds);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Lease lost for {Count} nudges before sending; another instance has them")]
    public static partial void LeaseLost(ILogger logger, int count);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Error, Message = "A nudge card was sent (activity {ActivityId}) but recording it failed; kept in memory and recorded again next tick")]
    public static partial void SentNotRecorded(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Warning, Message = "Scheduler tick failed: the store is unavailable; trying again next interval")]
    public static partial void TickStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5018, Level = LogLevel.Error, Message = "Scheduler tick failed unexpectedly; trying again next interval")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Information, Message = "Flagged {Count} engagements open for {Weeks}+ weeks")]
    public static partial void LongRunningFlagged(ILogger logger, int count, int weeks);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Recurring reminder {ReminderId} moved on to its next occurrence")]
    public static partial void RecurringAdvanced(ILogger logger, string reminderId);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Debug, Message = "Cancelled {Count} claimed nudges of closed reminders")]
    public static partial void ClosedSkipped(ILogger logger, int count);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Reminders:TestNudgeDelay is set ({Delay}): new reminders fire after that delay instead of the policy (test only)")]
    public static partial void TestNudgeDelayActive(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Debug, Message = "Updating card {ActivityId} in place failed ({Result})")]
    public static partial void UpdateInPlaceFailed(ILogger logger, string activityId, string result);
}
