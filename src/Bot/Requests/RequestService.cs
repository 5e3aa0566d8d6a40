using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

internal sealed record SubmitResult(StoredRequest Request, bool Created, ResolvedTarget? Target)
{
    /// <summary>Lines from listeners (e.g. the evaluation reminder) for the confirmation card.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The outcome of an action on a request: the request after it, or a refusal with a reason for the person who tried.</summary>
internal sealed record ActResult(StoredRequest? Request, string? RefusalNl = null, string? RefusalEn = null)
{
    public bool Ok => RefusalNl is null && Request is not null;

    public string? Refusal(bool english) => english ? RefusalEn : RefusalNl;
}

/// <summary>Who acts, from where. <see cref="ConversationId"/> is the conversation the card lives in.</summary>
internal sealed record RequestActor(string Id, string? Name, RequestRole Role, string ConversationId);

/// <summary>
/// Submitting and changing requests. Every change is one transaction: the request, its audit entry and the
/// outbox rows that will update the ticket and tell the casemanager. Delivery happens in <see cref="RequestDispatcher"/>.
/// </summary>
internal sealed class RequestService(
    IRequestStore store,
    RequestRouting routing,
    RequestDispatchSignal signal,
    IEnumerable<IRequestSubmittedListener> listeners,
    TimeProvider time,
    ILogger<RequestService> logger)
{
    public async Task<SubmitResult> SubmitAsync(RequestOwner owner, string formId, RequestForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        var target = await routing.ResolveAsync(form.Municipality, cancellationToken);
        var request = new StoredRequest
        {
            Id = Guid.NewGuid().ToString("N"),
            // A double click or a redelivered submit carries the same form id from the same person: one request.
            IdempotencyKey = $"{formId}|{owner.Id}",
            Owner = owner,
            Form = form,
            Status = RequestStatus.Nieuw,
            TargetConversationId = target?.ConversationId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var created = new RequestEvent(request.Id, now, owner.Id, RequestRole.Casemanager, "submit", null, RequestStatus.Nieuw);
        var (stored, isNew) = await store.SubmitAsync(request, created, [(OutboxKinds.Ticket, null)], cancellationToken);
        Log.Submitted(logger, stored.Id, form.Kind.Code(), form.Safety.Code(), isNew);
        var notes = new List<string>();
        if (isNew)
        {
            signal.Signal();
            foreach (var listener in listeners)
            {
                try
                {
                    if (await listener.OnSubmittedAsync(stored, cancellationToken) is { Length: > 0 } note)
                    {
                        notes.Add(note);
                    }
                }
                catch (Exception e) when (e is StorageUnavailableException or InvalidOperationException)
                {
                    Log.ListenerFailed(logger, stored.Id, e.GetType().Name);
                }
            }
        }

        return new SubmitResult(stored, isNew, target) { Notes = notes };
    }

    public async Task<ActResult> ActAsync(string requestId, RequestTransition transition, RequestActor actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var request = await store.GetAsync(requestId, cancellationToken);
            if (request is null)
            {
                return new ActResult(null, "Deze aanvraag ken ik niet (meer).", "I don't know this request (any more).");
            }

            if (Refuse(request, actor) is { } refusal)
            {
                Log.Refused(logger, request.Id, transition.Code(), "access");
                return refusal;
            }

            var result = RequestLifecycle.Apply(request.Status, transition, actor.Role);
            if (!result.Allowed)
            {
                Log.Refused(logger, request.Id, transition.Code(), "state");
                return new ActResult(request, result.Reason(false), result.Reason(true));
            }

            var now = time.GetUtcNow();
            var updated = request with
            {
                Status = result.Status,
                Version = request.Version + 1,
                UpdatedAt = now,
                PickedUpBy = transition == RequestTransition.PickUp ? actor.Name ?? "GI" : request.PickedUpBy,
                PickedUpAt = transition == RequestTransition.PickUp ? now : request.PickedUpAt,
                ClosedAt = result.Status.IsOpen() ? null : now,
                Outcome = transition is RequestTransition.Finish or RequestTransition.ReturnToTeam ? text : request.Outcome,
                AddedInformation = transition == RequestTransition.AddInformation && text is not null
                    ? [.. request.AddedInformation, text]
                    : request.AddedInformation,
            };
            List<(string, string?)> outbox = [(OutboxKinds.Ticket, null)];
            if (actor.Role == RequestRole.Gi)
            {
                outbox.Add((OutboxKinds.Notify, JsonSerializer.Serialize(new NotifyPayload(transition.Code(), text, actor.Name), RequestJson.Options)));
            }

            var change = new RequestEvent(request.Id, now, actor.Id, actor.Role, transition.Code(), request.Status, result.Status);
            if (await store.TryUpdateAsync(updated, change, outbox, cancellationToken))
            {
                Log.Transitioned(logger, request.Id, transition.Code(), actor.Role == RequestRole.Gi ? "gi" : "casemanager", result.Status.Code());
                signal.Signal();
                return new ActResult(updated);
            }
        }

        return new ActResult(null, "Iemand anders wijzigde deze aanvraag net; probeer het opnieuw.", "Someone else just changed this request; try again.");
    }

    public Task<StoredRequest?> GetAsync(string requestId, CancellationToken cancellationToken) => store.GetAsync(requestId, cancellationToken);

    public Task<JsonObject> TicketCardAsync(StoredRequest request, CancellationToken cancellationToken) => store.TicketCardAsync(request, cancellationToken);

    public Task<IReadOnlyList<StoredRequest>> ListOpenAsync(string ownerId, CancellationToken cancellationToken) => store.ListOpenAsync(ownerId, cancellationToken);

    /// <summary>
    /// Only the owner acts as casemanager; only people in the conversation the ticket lives in act as GI. Teams
    /// delivers a card action from the conversation that holds the card, so being able to press it there is
    /// membership; a card forwarded or copied elsewhere arrives from another conversation and is refused.
    /// </summary>
    private static ActResult? Refuse(StoredRequest request, RequestActor actor)
    {
        if (actor.Role == RequestRole.Casemanager)
        {
            return actor.Id == request.Owner.Id
                ? null
                : new ActResult(null, "Alleen de casemanager die deze aanvraag deed kan dit.", "Only the casemanager who made this request can do this.");
        }

        return request.TargetConversationId is { } target
            && RequestRouting.BaseConversationId(target) == RequestRouting.BaseConversationId(actor.ConversationId)
            ? null
            : new ActResult(null,
                "Deze aanvraag hoort bij een ander expertpoolkanaal. Alleen leden van dat kanaal kunnen hem oppakken of afronden.",
                "This request belongs to another expert pool channel. Only members of that channel can pick it up or finish it.");
    }
}

/// <summary>Wakes the dispatcher when new outbox rows were written, so a ticket goes out at once instead of at the next poll.</summary>
internal sealed class RequestDispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
