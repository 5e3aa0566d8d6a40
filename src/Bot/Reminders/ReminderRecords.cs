using System.Globalization;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Bot.Reminders;

internal enum ReminderKind
{
    /// <summary>An evaluation date (from chat, a card or a request form).</summary>
    Evaluation,

    /// <summary>A GI engagement, tracked from its start date so a long-running one is flagged (~12 weeks).</summary>
    Engagement,
}

internal enum ReminderStatus
{
    Active,
    Done,
    Cancelled,
}

/// <summary>
/// A stored reminder. <see cref="Subject"/> went through <c>PrivacyGuard.Redact</c>; <see cref="CaseReference"/> is
/// pseudonymous ("2024-17"). <see cref="DueDate"/> is the current occurrence (recurring reminders move it on).
/// </summary>
internal sealed record ReminderRecord
{
    public required string Id { get; init; }

    /// <summary>AAD object id (or the 29: id when Teams sent none): whom to nudge.</summary>
    public required string OwnerId { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>The conversation the reminder was set in (informational; nudges go to the personal chat).</summary>
    public string? ConversationId { get; init; }

    public ReminderKind Kind { get; init; } = ReminderKind.Evaluation;

    public string? CaseReference { get; init; }

    public string? Subject { get; init; }

    public required DateOnly DueDate { get; init; }

    public TimeOnly DueTime { get; init; } = Schedule.DefaultTime;

    public Interval? Every { get; init; }

    public DateOnly? Until { get; init; }

    public DateOnly? EngagementStart { get; init; }

    /// <summary>The GI request this reminder came from (set by the requests feature); shows "Open aanvraag".</summary>
    public string? RequestId { get; init; }

    public string? Locale { get; init; }

    public ReminderStatus Status { get; init; } = ReminderStatus.Active;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Schedule Schedule => new(DueDate, DueTime, Every, Until);

    public bool IsEnglish => Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
}

internal enum StoredNudgeKind
{
    Before,
    OnTheDay,
    Overdue,
    Snooze,
    LongRunning,
}

internal enum NudgeState
{
    Pending,
    Claimed,
    Sent,
    Failed,

    /// <summary>Not sent on its own: a later nudge of the same reminder went out in its place (catch-up).</summary>
    Superseded,

    /// <summary>The reminder was done, cancelled or moved before the nudge was due.</summary>
    Cancelled,
}

/// <summary>A nudge to store. Its id is deterministic, so planning the same nudge twice stores it once.</summary>
internal sealed record NewNudge(StoredNudgeKind Kind, DateOnly Occurrence, DateTimeOffset DueAt)
{
    public string IdFor(string reminderId) =>
        string.Create(CultureInfo.InvariantCulture, $"{reminderId}:{NudgeCodes.Kind(Kind)}:{Occurrence:yyyyMMdd}:{DueAt.UtcDateTime:yyyyMMddHHmmss}");

    public static NewNudge From(PlannedNudge planned, DateOnly occurrence) => new(planned.Kind switch
    {
        NudgeKind.Before => StoredNudgeKind.Before,
        NudgeKind.OnTheDay => StoredNudgeKind.OnTheDay,
        _ => StoredNudgeKind.Overdue,
    }, occurrence, planned.At);
}

/// <summary>A stored nudge as the scheduler sees it.</summary>
internal sealed record NudgeRecord(
    string Id,
    string ReminderId,
    string OwnerId,
    StoredNudgeKind Kind,
    DateOnly Occurrence,
    DateTimeOffset DueAt,
    NudgeState State,
    int Attempts,
    string? ActivityId,
    string? ConversationId);

internal static class NudgeCodes
{
    public static string Kind(StoredNudgeKind kind) => kind switch
    {
        StoredNudgeKind.Before => "before",
        StoredNudgeKind.OnTheDay => "on_the_day",
        StoredNudgeKind.Overdue => "overdue",
        StoredNudgeKind.Snooze => "snooze",
        _ => "long_running",
    };

    public static StoredNudgeKind ParseKind(string code) => code switch
    {
        "before" => StoredNudgeKind.Before,
        "on_the_day" => StoredNudgeKind.OnTheDay,
        "overdue" => StoredNudgeKind.Overdue,
        "snooze" => StoredNudgeKind.Snooze,
        "long_running" => StoredNudgeKind.LongRunning,
        _ => throw new FormatException($"Unknown nudge kind '{code}'."),
    };

    public static string State(NudgeState state) => state switch
    {
        NudgeState.Pending => "pending",
        NudgeState.Claimed => "claimed",
        NudgeState.Sent => "sent",
        NudgeState.Failed => "failed",
        NudgeState.Superseded => "superseded",
        _ => "cancelled",
    };

    public static NudgeState ParseState(string code) => code switch
    {
        "pending" => NudgeState.Pending,
        "claimed" => NudgeState.Claimed,
        "sent" => NudgeState.Sent,
        "failed" => NudgeState.Failed,
        "superseded" => NudgeState.Superseded,
        "cancelled" => NudgeState.Cancelled,
        _ => throw new FormatException($"Unknown nudge state '{code}'."),
    };

    public static string Status(ReminderStatus status) => status switch
    {
        ReminderStatus.Active => "active",
        ReminderStatus.Done => "done",
        _ => "cancelled",
    };

    public static ReminderStatus ParseStatus(string code) => code switch
    {
        "active" => ReminderStatus.Active,
        "done" => ReminderStatus.Done,
        _ => ReminderStatus.Cancelled,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public static string Unit(IntervalUnit unit) => unit switch
    {
        IntervalUnit.Days => "days",
        IntervalUnit.Weeks => "weeks",
        _ => "months",
    };

    public static IntervalUnit ParseUnit(string code) => code switch
    {
        "days" => IntervalUnit.Days,
        "weeks" => IntervalUnit.Weeks,
        _ => IntervalUnit.Months,
    };
}
