using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Requests;
using Microsoft.Extensions.Options;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Requests;

/// <summary>
/// Delivers the outbox: posts or updates tickets in the GI's channel and sends status cards to casemanagers.
/// A row is leased while delivering and marked done only after Teams accepted it; a failure (connector down,
/// target not linked or unreachable, host restart mid-delivery) leaves it due again later, with a growing
/// interval. Rows of one request go in order; different requests in parallel.
/// </summary>
internal sealed class RequestDispatcher(
    IRequestStore store,
    RequestRouting routing,
    IConversationReferenceStore references,
    ConnectorClient connector,
    RequestDispatchSignal signal,
    IOptions<RequestsOptions> options,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    ILogger<RequestDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    // Long enough for a big burst to arrive (1,000 submissions take ~1 s to store on 2 cores): a burst cut in two sends
    // twice as many bundles, and the second half then waits a whole tenant window (1.1 s) behind the first.
    private static readonly TimeSpan MaxGather = TimeSpan.FromSeconds(1.5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.DispatchFailed(logger, e);
            }

            try
            {
                if (await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken))
                {
                    await GatherAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A submission woke us: while more keep coming (a burst), wait, so their tickets can share messages.</summary>
    private async Task GatherAsync(CancellationToken stoppingToken)
    {
        var quiet = options.Value.GatherDelay;
        var until = time.GetUtcNow() + MaxGather;
        while (quiet > TimeSpan.Zero && time.GetUtcNow() < until && await signal.WaitAsync(quiet, time, stoppingToken))
        {
        }
    }

    /// <summary>One pass over the due rows; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.ClaimDueAsync(time.GetUtcNow(), Lease, BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var bundled = await BundleNewTicketsAsync(due, cancellationToken);
        await Parallel.ForEachAsync(due.Where(i => !bundled.Contains(i.Id)).GroupBy(i => i.RequestId),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryConcurrency, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var item in group.OrderBy(i => i.Seq))
                {
                    await DeliverAsync(item, ct);
                }
            });
        return due.Count;
    }

    /// <summary>
    /// When more new tickets wait than Teams lets through within a second (for one channel, or for the tenant),
    /// posts each channel's tickets as bundles of up to <see cref="RequestsOptions.MaxTicketsPerMessage"/> in one
    /// message, so a burst reaches the GI in seconds instead of minutes. Returns the outbox rows it delivered; the
    /// others (and any bundle Teams refused) go the usual way, one ticket per message, with retries.
    /// </summary>
    private async Task<HashSet<string>> BundleNewTicketsAsync(IReadOnlyList<OutboxItem> due, CancellationToken cancellationToken)
    {
        HashSet<string> delivered = new(StringComparer.Ordinal);
        var max = options.Value.MaxTicketsPerMessage;
        // Only a request whose first due row is its ticket: its later rows still follow in order.
        var tickets = due.GroupBy(i => i.RequestId).Select(g => g.MinBy(i => i.Seq)!).Where(i => i.Kind == OutboxKinds.Ticket).ToList();
        var limits = botOptions.Value;
        // No more than one channel takes in a second: no burst, so no need to look the tickets up.
        if (max < 2 || tickets.Count <= Math.Min(limits.MessagesPerSecondPerConversation, limits.RequestsPerSecondPerTenant))
        {
            return delivered;
        }

        // Looked up side by side, each municipality's target once: on PostgreSQL each lookup is a round trip.
        List<(OutboxItem Item, StoredRequest Request, ResolvedTarget Target)> fresh = [];
        var targets = new ConcurrentDictionary<string, Task<ResolvedTarget?>>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(tickets,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryConcurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var request = await store.GetAsync(item.RequestId, ct);
                if (request is { TicketActivityId: null }
                    && await targets.GetOrAdd(request.Form.Municipality, m => routing.ResolveAsync(m, ct)) is { Reference: not null, ConversationId: not null } target)
                {
                    lock (fresh)
                    {
                        fresh.Add((item, request, target));
                    }
                }
            });
        // In the order they came, so bundles list the oldest first.
        fresh.Sort((a, b) => a.Item.Seq.CompareTo(b.Item.Seq));

        var channels = fresh.GroupBy(f => f.Target.ConversationId!).ToList();
        if (fresh.Count <= limits.RequestsPerSecondPerTenant && channels.All(c => c.Count() <= limits.MessagesPerSecondPerConversation))
        {
            return delivered;
        }

        await Parallel.ForEachAsync(channels.SelectMany(c => c.Chunk(max)).Where(chunk => chunk.Length > 1),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryConcurrency, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var reference = chunk[0].Target.Reference!;
                var card = Activity(RequestCards.TicketBundle([.. chunk.Select(c => c.Request)]));
                if (await connector.SendAsync(reference, card.ApplyReference(reference), ct) is not SendResult.Sent { ActivityId: { } posted })
                {
                    return;
                }

                Log.TicketsBundled(logger, chunk.Length, chunk[0].Target.ConversationId!);
                await store.SetBundleAsync([.. chunk.Select(c => (c.Request.Id, c.Item.Id))], chunk[0].Target.ConversationId!, posted, time.GetUtcNow(), ct);
                foreach (var (item, request, _) in chunk)
                {
                    Log.Delivered(logger, request.Id, item.Kind);
                    lock (delivered)
                    {
                        delivered.Add(item.Id);
                    }
                }
            });
        return delivered;
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(item.RequestId, cancellationToken);
        if (request is null)
        {
            await store.CompleteAsync(item.Id, time.GetUtcNow(), cancellationToken);
            return;
        }

        var error = item.Kind switch
        {
            OutboxKinds.Ticket => await DeliverTicketAsync(request, item, cancellationToken),
            OutboxKinds.Notify => await NotifyAsync(request, item, cancellationToken),
            _ => null,
        };
        if (error is null)
        {
            await store.CompleteAsync(item.Id, time.GetUtcNow(), cancellationToken);
            Log.Delivered(logger, request.Id, item.Kind);
            return;
        }

        var interval = TimeSpan.FromTicks(Math.Min(options.Value.MaxRetryInterval.Ticks,
            options.Value.RetryInterval.Ticks * (1L << Math.Min(item.Attempts, 16))));
        var next = time.GetUtcNow() + interval;
        await store.RetryLaterAsync(item.Id, next, error, cancellationToken);
        Log.DeliveryDeferred(logger, request.Id, item.Kind, error, item.Attempts + 1, next);
        if (item.Kind == OutboxKinds.Ticket && item.Attempts == 0)
        {
            // Be honest with the casemanager once: the request is safe, but the GI has not seen it yet.
            await TellOwnerAsync(request, RequestCards.Status(Lang(request), request,
                Lang(request) == Knowledge.Loading.Lang.En ? "Your request is waiting" : "Je aanvraag staat in de wachtrij",
                queuedNote: Lang(request) == Knowledge.Loading.Lang.En
                    ? "The GI's expert pool cannot be reached right now. Your request is saved and I keep trying; you get a message as soon as it is picked up. Urgent? Call the GI."
                    : "De expertpool van de GI is nu niet bereikbaar. Je aanvraag is bewaard en ik blijf het proberen; je krijgt bericht zodra hij is opgepakt. Haast? Bel de GI."),
                cancellationToken);
        }
    }

    /// <summary>Null when the ticket reflects the request now; otherwise why not (a code, no text).</summary>
    private async Task<string?> DeliverTicketAsync(StoredRequest request, OutboxItem item, CancellationToken cancellationToken)
    {
        if (request.InBundle && request.PickedUpBy is not null)
        {
            return await MoveOutOfBundleAsync(request, cancellationToken);
        }

        var card = Activity(await store.TicketCardAsync(request, cancellationToken));
        if (request.TicketActivityId is { } activityId && request.TargetConversationId is { } conversationId)
        {
            var stored = await references.GetAsync("msteams", conversationId, cancellationToken);
            if (stored?.Reference is not { } existing)
            {
                return "no-reference";
            }

            var updated = await connector.UpdateAsync(existing, activityId, card.ApplyReference(existing), cancellationToken);
            if (updated is not SendResult.Dropped)
            {
                return updated.IsSent ? null : updated.GetType().Name.ToLowerInvariant();
            }

            // The ticket was deleted in Teams: post it again below, on its own.
            card = Activity(RequestCards.Ticket(request));
        }

        var target = await routing.ResolveAsync(request.Form.Municipality, cancellationToken);
        if (target is { Reference: null, ConversationId: null, ExpertUserId: { } expert })
        {
            target = await OpenPersonalChatAsync(request, expert, cancellationToken) ?? target;
        }

        if (target?.Reference is not { } reference || target.ConversationId is null)
        {
            return target is null ? "no-target" : "target-unreachable";
        }

        var result = await connector.SendAsync(reference, card.ApplyReference(reference), cancellationToken);
        if (result is SendResult.Sent { ActivityId: { } posted })
        {
            await store.SetTicketAsync(request.Id, target.ConversationId, posted, time.GetUtcNow(), cancellationToken);
            return null;
        }

        return result.GetType().Name.ToLowerInvariant();
    }

    /// <summary>
    /// Opens a 1:1 chat with an expert who never wrote to the bot (Teams allows it once the app is installed for them),
    /// through the service URL and tenant of the casemanager's chat, and keeps its reference for later tickets. Null
    /// when Teams refuses (e.g. the app is not installed for the expert): the ticket stays queued and is retried.
    /// </summary>
    private async Task<ResolvedTarget?> OpenPersonalChatAsync(StoredRequest request, string expertUserId, CancellationToken cancellationToken)
    {
        if ((await references.GetAsync(request.Owner.ChannelId, request.Owner.ConversationId, cancellationToken))?.Reference is not { } via)
        {
            return null;
        }

        var created = await connector.CreateConversationAsync(via.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = via.BotId, Name = via.BotName },
            Members = [new ChannelAccount { Id = expertUserId }],
            TenantId = via.TenantId,
            ChannelData = via.TenantId is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = via.TenantId } },
        }, cancellationToken);
        if (created is not SendResult.Sent { ActivityId: { } conversationId })
        {
            Log.PersonalChatNotOpened(logger, request.Id, created.GetType().Name);
            return null;
        }

        var reference = new ConversationReference
        {
            ChannelId = via.ChannelId,
            ServiceUrl = via.ServiceUrl,
            ConversationId = conversationId,
            ConversationType = "personal",
            TenantId = via.TenantId,
            BotId = via.BotId,
            BotName = via.BotName,
            UserId = expertUserId,
        };
        await references.UpsertAsync(reference, cancellationToken);
        Log.PersonalChatOpened(logger, request.Id);
        return new ResolvedTarget("expert", conversationId, reference, expertUserId);
    }

    /// <summary>A ticket picked up from a bundle continues in its own message (full text, all buttons); the bundle keeps a line for it.</summary>
    private async Task<string?> MoveOutOfBundleAsync(StoredRequest request, CancellationToken cancellationToken)
    {
        var conversationId = request.TargetConversationId!;
        if ((await references.GetAsync("msteams", conversationId, cancellationToken))?.Reference is not { } reference)
        {
            return "no-reference";
        }

        var posted = await connector.SendAsync(reference, Activity(RequestCards.Ticket(request)).ApplyReference(reference), cancellationToken);
        if (posted is not SendResult.Sent { ActivityId: { } own })
        {
            return posted.GetType().Name.ToLowerInvariant();
        }

        await store.SetTicketAsync(request.Id, conversationId, own, time.GetUtcNow(), cancellationToken);
        // Only cosmetic from here: if the bundle cannot be updated, its line still says the ticket moves on.
        var bundle = await store.BundleCardAsync(conversationId, request.BundleActivityId!, request with { TicketActivityId = own }, cancellationToken);
        await connector.UpdateAsync(reference, request.BundleActivityId!, Activity(bundle).ApplyReference(reference), cancellationToken);
        return null;
    }

    private async Task<string?> NotifyAsync(StoredRequest request, OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = item.Payload is null ? null : JsonSerializer.Deserialize<NotifyPayload>(item.Payload, RequestJson.Options);
        var en = Lang(request) == Knowledge.Loading.Lang.En;
        var headline = payload?.Change switch
        {
            "pick-up" => en ? $"Picked up by {payload.Actor ?? "the GI"}" : $"Opgepakt door {payload.Actor ?? "de GI"}",
            "respond" => en ? $"Message from {payload.Actor ?? "the GI"}" : $"Bericht van {payload.Actor ?? "de GI"}",
            "finish" => en ? "Finished by the GI" : "Afgerond door de GI",
            "return" => en ? "Returned to your team" : "Teruggegeven aan het basisteam",
            _ => en ? "Your request changed" : "Je aanvraag is gewijzigd",
        };
        var result = await TellOwnerAsync(request, RequestCards.Status(Lang(request), request, headline, payload?.Message), cancellationToken);
        if (result is SendResult.Dropped dropped)
        {
            Log.DeliveryDropped(logger, request.Id, item.Kind, dropped.Code);
            return null;
        }

        return result.IsSent ? null : result.GetType().Name.ToLowerInvariant();
    }

    private async Task<SendResult> TellOwnerAsync(StoredRequest request, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken)
    {
        var stored = await references.GetAsync(request.Owner.ChannelId, request.Owner.ConversationId, cancellationToken);
        if (stored is not { Status: ReferenceStatus.Active, Reference: var reference })
        {
            return new SendResult.Refused("no-owner-reference");
        }

        return await connector.SendAsync(reference, Activity(card).ApplyReference(reference), cancellationToken);
    }

    private static Activity Activity(System.Text.Json.Nodes.JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(card)],
    };

    private static Lang Lang(StoredRequest request) => request.Owner.English ? Knowledge.Loading.Lang.En : Knowledge.Loading.Lang.Nl;
}
