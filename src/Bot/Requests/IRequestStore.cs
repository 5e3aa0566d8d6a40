using System.Data.Common;
using System.Text.Json;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

internal interface IRequestStore
{
    /// <summary>Stores a new request with its audit entry and outbox rows in one transaction. A second submit with the same idempotency key returns the first request.</summary>
    Task<(StoredRequest Request, bool Created)> SubmitAsync(StoredRequest request, RequestEvent created, IReadOnlyList<(string Kind, string? Payload)> outbox, CancellationToken cancellationToken);

    Task<StoredRequest?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredRequest>> ListOpenAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="updated"/> if the stored version is still <c>updated.Version - 1</c>, with its audit entry and outbox rows. False when someone else changed it first.</summary>
    Task<bool> TryUpdateAsync(StoredRequest updated, RequestEvent change, IReadOnlyList<(string Kind, string? Payload)> outbox, CancellationToken cancellationToken);

    Task SetTicketAsync(string requestId, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records these requests' tickets as posted together in the message <paramref name="activityId"/> (a bundle) and their outbox rows as done, in one transaction.</summary>
    Task SetBundleAsync(IReadOnlyList<(string RequestId, string OutboxId)> tickets, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The requests first posted in the bundle message <paramref name="bundleActivityId"/>, oldest first (also those that moved to their own message).</summary>
    Task<IReadOnlyList<StoredRequest>> ListBundleAsync(string conversationId, string bundleActivityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RequestEvent>> ListEventsAsync(string requestId, CancellationToken cancellationToken);

    Task LinkChannelAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken);

    Task<ChannelLink?> FindChannelAsync(string municipality, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due outbox rows for <paramref name="leaseFor"/>; another instance cannot take them meanwhile.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken);

    Task CompleteAsync(string outboxId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RetryLaterAsync(string outboxId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken);

    Task<int> PendingOutboxAsync(CancellationToken cancellationToken);

    /// <summary>Makes tickets that waited for a target due now (after a channel was linked).</summary>
    Task WakeQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<RequestFact>> ListFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
