using System.Collections.Concurrent;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Reminders;
using Microsoft.Extensions.Options;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Reminders;

/// <summary>
/// Sends due nudges as proactive cards to each owner's personal chat. Every instance may run one: a nudge is
/// claimed with a lease (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>), the lease is renewed right before the send
/// (fencing: a nudge whose lease another instance took over is not sent here), and the send is recorded with the
/// activity id. Missed nudges (downtime) go through <see cref="CatchUp.Select"/>: one card per user, marked late.
/// </summary>
/// <remarks>
/// Exactly once, with one residual window: if the process dies after Teams accepted the card and before the
/// "sent" row commits (a few milliseconds), the lease expires and the card is sent again. If only the database
/// write fails, the delivery is kept in memory and recorded first thing next tick, so it is not sent twice.
/// </remarks>
internal sealed class ReminderScheduler(
    IReminderStore store,
    ReminderService service,
    IServiceProvider services,
    IConversationReferenceStore references,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private readonly RemindersOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Delivery> _unrecorded = new(StringComparer.Ordinal);
    private DateOnly _lastEngagementCheck;

    /// <summary>The claim owner: unique per scheduler instance (and per process start).</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Deliveries Teams accepted whose recording failed; recorded again before anything else.</summary>
    public int UnrecordedCount => _unrecorded.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.SchedulerEnabled)
        {
            return;
        }

        if (_options.TestNudgeDelay is { } delay)
        {
            Log.TestNudgeDelayActive(logger, delay);
        }

        Log.SchedulerStarted(logger, InstanceId, _options.PollInterval, _options.LeaseDuration, _options.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (StorageUnavailableException e)
            {
                Log.TickStoreUnavailable(logger, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.TickFailed(logger, e);
            }

            try
            {
                await Task.Delay(_options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: record leftovers, the daily engagement check, then claim and send until nothing is due. Returns cards sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await FlushUnrecordedAsync(cancellationToken);
        var today = service.Today();
        if (today != _lastEngagementCheck)
        {
            await service.FlagLongRunningAsync(cancellationToken);
            _lastEngagementCheck = today;
        }

        var sent = 0;
        // Bounded per pass so a huge backlog cannot starve the stop signal; the next pass continues.
        for (var round = 0; round < 20 && !cancellationToken.IsCancellationRequested; round++)
        {
            var now = time.GetUtcNow();
            var claimed = await store.ClaimDueAsync(InstanceId, now, now + _options.LeaseDuration, _options.BatchSize, cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            Log.Claimed(logger, claimed.Count);
            sent += await DispatchAsync(claimed, now, cancellationToken);
            if (claimed.Count < _options.BatchSize)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<int> DispatchAsync(IReadOnlyList<NudgeRecord> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = (await store.GetManyAsync([.. claimed.Select(n => n.ReminderId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var closed = claimed.Where(n => !reminders.TryGetValue(n.ReminderId, out var r) || r.Status != ReminderStatus.Active).Select(n => n.Id).ToList();
        if (closed.Count > 0)
        {
            await store.MarkCancelledAsync(closed, cancellationToken);
            Log.ClosedSkipped(logger, closed.Count);
        }

        var byPlan = new Dictionary<PlannedNudge, NudgeRecord>(ReferenceEqualityComparer.Instance);
        var pending = new List<ScheduledNudge>();
        foreach (var nudge in claimed.Where(n => reminders.TryGetValue(n.ReminderId, out var r) && r.Status == ReminderStatus.Active))
        {
            var planned = new PlannedNudge(ToDomainKind(nudge.Kind), nudge.DueAt, nudge.Occurrence);
            byPlan[planned] = nudge;
            pending.Add(new ScheduledNudge(nudge.OwnerId, nudge.ReminderId, planned));
        }

        var messages = CatchUp.Select(pending, now, _options.LateAfter);
        var sent = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelSends, CancellationToken = cancellationToken },
            async (message, token) =>
            {
                if (await DeliverAsync(message, byPlan, reminders, token))
                {
                    Interlocked.Increment(ref sent);
                }
            });
        return sent;
    }

    private async Task<bool> DeliverAsync(
        CatchUpMessage message, Dictionary<PlannedNudge, NudgeRecord> byPlan, Dictionary<string, ReminderRecord> reminders, CancellationToken cancellationToken)
    {
        var chosen = message.Items.Select(i => byPlan[i.Nudge]).ToList();
        var superseded = message.Items.SelectMany(i => i.Superseded).Select(p => byPlan[p]).ToList();
        var all = chosen.Concat(superseded).ToList();
        var ids = all.Select(n => n.Id).ToList();
        var first = reminders[chosen[0].ReminderId];

        if (ids.FirstOrDefault(_unrecorded.ContainsKey) is { } known)
        {
            // This instance already delivered it; only the record is missing. Record, don't send again.
            await RecordAsync(_unrecorded[known], cancellationToken);
            return false;
        }

        var reference = await references.FindPersonalAsync(first.ChannelId, message.UserId, cancellationToken);
        if (reference is not { Status: ReferenceStatus.Active })
        {
            await GiveUpAsync(all, reference is null ? "no personal chat" : "unreachable", cancellationToken);
            return false;
        }

        // Fencing: still ours? A nudge whose lease expired and was claimed elsewhere is that instance's to send.
        var renewed = await store.RenewAsync(ids, InstanceId, time.GetUtcNow() + _options.LeaseDuration, cancellationToken);
        if (renewed != ids.Count)
        {
            Log.LeaseLost(logger, ids.Count - renewed);
            await store.ReleaseAsync(ids, InstanceId, time.GetUtcNow(), "lease lost", cancellationToken);
            return false;
        }

        var today = service.Today();
        var lang = first.IsEnglish ? Lang.En : Lang.Nl;
        var views = message.Items.Select(i =>
        {
            var nudge = byPlan[i.Nudge];
            return new NudgeView(View(reminders[nudge.ReminderId]), ToCardKind(nudge.Kind), nudge.Occurrence, i.IsLate);
        }).ToList();
        var card = ReminderCards.Nudge(views, today, lang);
        var activity = new Activity { Type = ActivityTypes.Message, Locale = first.Locale, Attachments = [Attachment.AdaptiveCard(card)] }
            .ApplyReference(reference.Reference);

        // Not the stopping token: a send in flight at shutdown finishes and is recorded, so it is not repeated.
        // Wall-clock on purpose (an I/O timeout, like HttpClient.Timeout), well inside the lease just renewed.
        using var sendTimeout = new CancellationTokenSource(_options.LeaseDuration / 2);
        SendResult result;
        try
        {
            result = await services.GetRequiredService<ConnectorClient>().SendAsync(reference.Reference, activity, sendTimeout.Token);
        }
        catch (OperationCanceledException) when (sendTimeout.IsCancellationRequested)
        {
            result = new SendResult.Failed(0, "Timeout");
        }

        switch (result)
        {
            case SendResult.Sent sentResult:
                await RecordAsync(new Delivery(
                    [.. chosen.Select(n => n.Id)], [.. superseded.Select(n => n.Id)], sentResult.ActivityId, reference.Reference.ConversationId, time.GetUtcNow()),
                    CancellationToken.None);
                Log.NudgeSent(logger, message.Items.Count, all.Count, message.IsLate, sentResult.ActivityId);
                foreach (var nudge in chosen.Where(n => n.Kind is StoredNudgeKind.OnTheDay or StoredNudgeKind.Overdue))
                {
                    await service.AdvanceRecurringAsync(reminders[nudge.ReminderId], nudge.Occurrence, CancellationToken.None);
                }

                return true;
            case SendResult.Failed failed when all.Max(n => n.Attempts) < _options.MaxAttempts:
                var attempt = all.Max(n => n.Attempts);
                var backoff = TimeSpan.FromTicks(Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
                var retryAt = time.GetUtcNow() + backoff;
                await store.ReleaseAsync(ids, InstanceId, retryAt, $"{failed.Status} {failed.Code}", CancellationToken.None);
                Log.NudgeRetry(logger, $"{failed.Status} {failed.Code}", attempt, retryAt);
                return false;
            case SendResult.Failed failed:
                await GiveUpAsync(all, $"failed {failed.Status} {failed.Code} after {_options.MaxAttempts} attempts", CancellationToken.None);
                return false;
            case SendResult.Unreachable unreachable:
                // The connector marked the reference unreachable; later nudges for this user fail fast until they write again.
                await GiveUpAsync(all, $"unreachable ({unreachable.Code})", CancellationToken.None);
                return false;
            case SendResult.Dropped dropped:
                await GiveUpAsync(all, $"conversation gone ({dropped.Code})", CancellationToken.None);
                return false;
            default:
                await GiveUpAsync(all, "refused", CancellationToken.None);
                return false;
        }
    }

    private async Task GiveUpAsync(IReadOnlyList<NudgeRecord> nudges, string reason, CancellationToken cancellationToken)
    {
        await store.MarkFailedAsync([.. nudges.Select(n => n.Id)], reason, cancellationToken);
        Log.NudgeGivenUp(logger, reason, nudges.Count, string.Join(",", nudges.Select(n => n.ReminderId).Distinct(StringComparer.Ordinal)));
    }

    private async Task RecordAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await store.MarkSentAsync(delivery.Sent, delivery.Superseded, delivery.ActivityId, delivery.ConversationId, delivery.At, cancellationToken);
            foreach (var id in delivery.Sent.Concat(delivery.Superseded))
            {
                _unrecorded.TryRemove(id, out _);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SentNotRecorded(logger, delivery.ActivityId, e);
            foreach (var id in delivery.Sent.Concat(delivery.Superseded))
            {
                _unrecorded[id] = delivery;
            }
        }
    }

    private async Task FlushUnrecordedAsync(CancellationToken cancellationToken)
    {
        foreach (var delivery in _unrecorded.Values.Distinct().ToList())
        {
            await store.MarkSentAsync(delivery.Sent, delivery.Superseded, delivery.ActivityId, delivery.ConversationId, delivery.At, cancellationToken);
            foreach (var id in delivery.Sent.Concat(delivery.Superseded))
            {
                _unrecorded.TryRemove(id, out _);
            }
        }
    }

    public static ReminderView View(ReminderRecord r) => new(
        r.Id, r.CaseReference, r.Subject, r.DueDate, r.DueTime, r.Every, r.Until, r.Kind == ReminderKind.Engagement, r.EngagementStart, r.RequestId);

    private static NudgeKind ToDomainKind(StoredNudgeKind kind) => kind switch
    {
        StoredNudgeKind.Before => NudgeKind.Before,
        StoredNudgeKind.OnTheDay or StoredNudgeKind.Snooze => NudgeKind.OnTheDay,
        _ => NudgeKind.Overdue,
    };

    private static NudgeCardKind ToCardKind(StoredNudgeKind kind) => kind switch
    {
        StoredNudgeKind.Before => NudgeCardKind.Before,
        StoredNudgeKind.OnTheDay => NudgeCardKind.OnTheDay,
        StoredNudgeKind.Overdue => NudgeCardKind.Overdue,
        StoredNudgeKind.Snooze => NudgeCardKind.Snooze,
        _ => NudgeCardKind.LongRunning,
    };

    private sealed record Delivery(IReadOnlyList<string> Sent, IReadOnlyList<string> Superseded, string? ActivityId, string ConversationId, DateTimeOffset At);
}
