using ExpertBot.Knowledge.Privacy;
using ExpertBot.Knowledge.Reminders;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Reminders;

/// <summary>Who a reminder is for and where it was set.</summary>
internal sealed record ReminderOwner(string OwnerId, string ChannelId, string? ConversationId, string? Locale);

/// <summary>What <see cref="ReminderService.ProposeForEngagementAsync"/> did: the tracked engagement and the evaluation date.</summary>
internal sealed record EngagementProposal(string EngagementId, DateOnly EvaluationDate, bool IsProposal, string? EvaluationReminderId);

/// <summary>
/// Reminder use cases over the store: create from a parse, move, snooze, done, cancel, engagements. The dates and
/// nudge instants come from the knowledge core (<see cref="NudgePlanner"/>); this class only stores them.
/// </summary>
internal sealed class ReminderService(IReminderStore store, IOptions<RemindersOptions> options, TimeProvider time, ILogger<ReminderService> logger)
{
    private readonly RemindersOptions _options = options.Value;
    private readonly NudgePolicy _policy = options.Value.ToPolicy();

    public NudgePolicy Policy => _policy;

    public IReminderStore Store => store;

    public DateOnly Today() => DateOnly.FromDateTime(_policy.ToLocal(time.GetUtcNow()).DateTime);

    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>Stores an understood reminder and its nudges. The subject is redacted here, whatever the caller did.</summary>
    public async Task<(ReminderRecord Reminder, IReadOnlyList<NewNudge> Nudges)> CreateAsync(
        ReminderOwner owner, Schedule schedule, string? caseReference, string? subject, CancellationToken cancellationToken,
        string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(schedule);
        var now = time.GetUtcNow();
        var reminder = new ReminderRecord
        {
            Id = NewId(),
            OwnerId = owner.OwnerId,
            ChannelId = owner.ChannelId,
            ConversationId = owner.ConversationId,
            CaseReference = Clean(caseReference, 40),
            Subject = Clean(subject, ReminderDateReader.MaxSubjectLength),
            DueDate = schedule.First,
            DueTime = schedule.Time,
            Every = schedule.Every,
            Until = schedule.Until,
            RequestId = requestId,
            Locale = owner.Locale,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var nudges = PlanOccurrence(reminder.DueDate, reminder.DueTime, now);
        await store.CreateAsync(reminder, nudges, cancellationToken);
        Log.ReminderCreated(logger, reminder.Id, "evaluation", schedule.IsRecurring, nudges.Count);
        return (reminder, nudges);
    }

    /// <summary>The nudges of one occurrence still ahead of <paramref name="now"/>.</summary>
    public IReadOnlyList<NewNudge> PlanOccurrence(DateOnly date, TimeOnly at, DateTimeOffset now)
    {
        if (_options.TestNudgeDelay is { } delay)
        {
            return [new NewNudge(StoredNudgeKind.OnTheDay, date, now + delay)];
        }

        return [.. NudgePlanner.Plan(date, _policy, at, notBefore: now).Select(p => NewNudge.From(p, date))];
    }

    /// <summary>Moves an active reminder to another date (today or later). Null when not found, not the owner's, or closed.</summary>
    public async Task<ReminderRecord?> MoveAsync(string id, string ownerId, DateOnly date, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(id, ownerId, cancellationToken);
        if (reminder is not { Status: ReminderStatus.Active } || date < Today())
        {
            return null;
        }

        var now = time.GetUtcNow();
        var moved = await store.RescheduleAsync(id, date, null, PlanOccurrence(date, reminder.DueTime, now), now, cancellationToken);
        Log.ReminderAction(logger, id, "moved");
        return moved ? reminder with { DueDate = date, UpdatedAt = now } : null;
    }

    /// <summary>
    /// Done for <paramref name="occurrence"/> (the current one when null): a one-off reminder is closed; a recurring one
    /// moves on to its next occurrence (closed when the series ended); an earlier occurrence only loses its open nudges.
    /// </summary>
    public async Task<(ReminderRecord Reminder, DateOnly? Next)?> DoneAsync(string id, string ownerId, DateOnly? occurrence, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(id, ownerId, cancellationToken);
        if (reminder is null)
        {
            return null;
        }

        if (reminder.Status != ReminderStatus.Active)
        {
            return (reminder, null);
        }

        var now = time.GetUtcNow();
        if (occurrence is { } earlier && earlier < reminder.DueDate)
        {
            await store.CancelOccurrenceAsync(id, earlier, cancellationToken);
            Log.ReminderAction(logger, id, "done (earlier occurrence)");
            return (reminder, reminder.DueDate);
        }

        if (reminder.Schedule.NextOccurrence(reminder.DueDate) is { } next && reminder.Every is not null)
        {
            await store.RescheduleAsync(id, next, null, PlanOccurrence(next, reminder.DueTime, now), now, cancellationToken);
            Log.ReminderAction(logger, id, "done, next occurrence planned");
            return (reminder with { DueDate = next }, next);
        }

        await store.CloseAsync(id, ReminderStatus.Done, now, cancellationToken);
        Log.ReminderAction(logger, id, "done");
        return (reminder with { Status = ReminderStatus.Done }, null);
    }

    public async Task<ReminderRecord?> CancelAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(id, ownerId, cancellationToken);
        if (reminder is null)
        {
            return null;
        }

        await store.CloseAsync(id, ReminderStatus.Cancelled, time.GetUtcNow(), cancellationToken);
        Log.ReminderAction(logger, id, "cancelled");
        return reminder with { Status = ReminderStatus.Cancelled };
    }

    /// <summary>"Morgen opnieuw": one more nudge on the next working day at the snooze time.</summary>
    public async Task<(ReminderRecord Reminder, DateTimeOffset At)?> SnoozeAsync(string id, string ownerId, DateOnly? occurrence, CancellationToken cancellationToken)
    {
        var reminder = await store.GetAsync(id, ownerId, cancellationToken);
        if (reminder is not { Status: ReminderStatus.Active })
        {
            return null;
        }

        var at = NudgePlanner.Tomorrow(time.GetUtcNow(), _policy);
        await store.AddNudgesAsync(id, ownerId, [new NewNudge(StoredNudgeKind.Snooze, occurrence ?? reminder.DueDate, at)], cancellationToken);
        Log.ReminderAction(logger, id, "snoozed");
        return (reminder, at);
    }

    /// <summary>
    /// A GI engagement starts: it is tracked (flagged when still open after <see cref="RemindersOptions.LongRunningWeeks"/>)
    /// and, with <paramref name="evaluationDate"/>, its evaluation reminder is set. Without one, the evaluation date
    /// <see cref="NudgePlanner.ProposeEvaluationDate"/> gives is returned as a proposal for the user to confirm.
    /// </summary>
    public async Task<EngagementProposal> ProposeForEngagementAsync(
        ReminderOwner owner, string caseReference, DateOnly engagementStart, DateOnly? evaluationDate, CancellationToken cancellationToken,
        string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var now = time.GetUtcNow();
        var engagement = new ReminderRecord
        {
            Id = NewId(),
            OwnerId = owner.OwnerId,
            ChannelId = owner.ChannelId,
            ConversationId = owner.ConversationId,
            Kind = ReminderKind.Engagement,
            CaseReference = Clean(caseReference, 40),
            DueDate = engagementStart.AddDays(7 * _options.LongRunningWeeks),
            EngagementStart = engagementStart,
            RequestId = requestId,
            Locale = owner.Locale,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.CreateAsync(engagement, [], cancellationToken);
        Log.ReminderCreated(logger, engagement.Id, "engagement", false, 0);

        if (evaluationDate is { } date)
        {
            var (reminder, _) = await CreateAsync(owner, new Schedule(date, Schedule.DefaultTime), caseReference, null, cancellationToken, requestId);
            return new EngagementProposal(engagement.Id, date, IsProposal: false, reminder.Id);
        }

        var proposed = NudgePlanner.ProposeEvaluationDate(engagementStart, _policy, _options.ProposalWeeks);
        if (proposed < Today())
        {
            proposed = WorkingDays.OnOrAfter(Today().AddDays(1), _policy.Holidays);
        }

        return new EngagementProposal(engagement.Id, proposed, IsProposal: true, null);
    }

    /// <summary>The daily check: open engagements at <see cref="RemindersOptions.LongRunningWeeks"/> get one "still open?" nudge.</summary>
    public async Task<int> FlagLongRunningAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        var now = time.GetUtcNow();
        var flagged = 0;
        var candidates = await store.FindUnflaggedLongRunningAsync(today.AddDays(-7 * _options.LongRunningWeeks), 500, cancellationToken);
        foreach (var engagement in candidates)
        {
            if (engagement.EngagementStart is not { } start || !NudgePlanner.IsLongRunning(start, today, _options.LongRunningWeeks))
            {
                continue;
            }

            // Deterministic id per engagement: two instances running the check store one nudge. Sent at the
            // overdue time of the day (09:00), or now when the check runs later than that.
            var nine = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(_policy.OverdueAt), _policy.TimeZone);
            var at = new DateTimeOffset(nine, TimeSpan.Zero) > now ? new DateTimeOffset(nine, TimeSpan.Zero) : now;
            flagged += await store.AddNudgesAsync(engagement.Id, engagement.OwnerId,
                [new NewNudge(StoredNudgeKind.LongRunning, start, at)], cancellationToken);
        }

        if (flagged > 0)
        {
            Log.LongRunningFlagged(logger, flagged, _options.LongRunningWeeks);
        }

        return flagged;
    }

    /// <summary>After the on-the-day nudge of a recurring reminder went out, the next occurrence is planned.</summary>
    public async Task AdvanceRecurringAsync(ReminderRecord reminder, DateOnly sentOccurrence, CancellationToken cancellationToken)
    {
        if (reminder.Every is null || reminder.Status != ReminderStatus.Active || sentOccurrence != reminder.DueDate)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (reminder.Schedule.NextOccurrence(reminder.DueDate) is { } next)
        {
            // Only the new occurrence's nudges are added; the sent occurrence keeps its overdue nudge.
            await store.RescheduleAsync(reminder.Id, next, next, PlanOccurrence(next, reminder.DueTime, now), now, cancellationToken);
            Log.RecurringAdvanced(logger, reminder.Id);
        }
    }

    private static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = PrivacyGuard.Redact(text.Trim());
        return redacted.Length <= max ? redacted : redacted[..max];
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
