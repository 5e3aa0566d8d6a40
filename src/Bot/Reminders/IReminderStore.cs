using System.Data.Common;
using System.Text;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Bot.Reminders;

/// <summary>Reminders and their nudges, in the same store as everything else (SQLite or PostgreSQL).</summary>
internal interface IReminderStore
{
    /// <summary>Stores a new reminder with its nudges, in one transaction.</summary>
    Task CreateAsync(ReminderRecord reminder, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken);

    /// <summary>The reminder, if it exists and (when <paramref name="ownerId"/> is given) belongs to that user.</summary>
    Task<ReminderRecord?> GetAsync(string id, string? ownerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Active reminders of a user, soonest first.</summary>
    Task<IReadOnlyList<ReminderRecord>> ListActiveAsync(string ownerId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the reminder to <paramref name="dueDate"/>: cancels its open nudges (of every occurrence when
    /// <paramref name="occurrence"/> is null, else of that occurrence only) and adds <paramref name="nudges"/>.
    /// False when the reminder is not active (anymore).
    /// </summary>
    Task<bool> RescheduleAsync(string id, DateOnly dueDate, DateOnly? occurrence, IReadOnlyList<NewNudge> nudges, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the status and cancels every open nudge. False when the reminder was not active.</summary>
    Task<bool> CloseAsync(string id, ReminderStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Cancels the open nudges of one occurrence (an earlier occurrence marked done).</summary>
    Task<int> CancelOccurrenceAsync(string id, DateOnly occurrence, CancellationToken cancellationToken);

    /// <summary>Adds nudges; one whose (deterministic) id exists is left alone. Returns how many were added.</summary>
    Task<int> AddNudgesAsync(string reminderId, string ownerId, IReadOnlyList<NewNudge> nudges, CancellationToken cancellationToken);

    /// <summary>Read-only: the due nudges that are free to claim (pending, or claimed with an expired lease).</summary>
    Task<IReadOnlyList<NudgeRecord>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> due nudges for <paramref name="claimOwner"/> until
    /// <paramref name="leaseUntil"/>, then the other due nudges of the same users (so one card per user can carry
    /// them). Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<NudgeRecord>> ClaimDueAsync(string claimOwner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Extends the lease of nudges still claimed by <paramref name="claimOwner"/>; returns how many.</summary>
    Task<int> RenewAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a delivery: <paramref name="sentIds"/> sent, <paramref name="supersededIds"/> carried by the same card.</summary>
    Task MarkSentAsync(IReadOnlyCollection<string> sentIds, IReadOnlyCollection<string> supersededIds, string? activityId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives claimed nudges back for a later attempt at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(IReadOnlyCollection<string> ids, string claimOwner, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    /// <summary>Final: the nudges are not retried (unreachable user, gone conversation, too many attempts).</summary>
    Task MarkFailedAsync(IReadOnlyCollection<string> ids, string error, CancellationToken cancellationToken);

    Task MarkCancelledAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The nudge a card came from (for updates in place), if it belongs to the reminder.</summary>
    Task<NudgeRecord?> FindByActivityAsync(string reminderId, string activityId, CancellationToken cancellationToken);

    /// <summary>Active engagements that started on or before <paramref name="startedOnOrBefore"/> and were not flagged yet.</summary>
    Task<IReadOnlyList<ReminderRecord>> FindUnflaggedLongRunningAsync(DateOnly startedOnOrBefore, int max, CancellationToken cancellationToken);
}
