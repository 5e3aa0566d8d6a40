using System.Text.Json;
using System.Text.Json.Serialization;
using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

/// <summary>Who made the request and where to reach them (their chat with the bot).</summary>
internal sealed record RequestOwner(string Id, string? Name, string ChannelId, string ConversationId, string? Locale)
{
    public bool English => Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>A request as stored. <see cref="Form"/> passed validation and the privacy guard before it got here.</summary>
internal sealed record StoredRequest
{
    public required string Id { get; init; }
    public required string IdempotencyKey { get; init; }
    public required RequestOwner Owner { get; init; }
    public required RequestForm Form { get; init; }
    public required RequestStatus Status { get; init; }
    public string? TargetConversationId { get; init; }
    public string? TicketActivityId { get; init; }

    /// <summary>The channel message this ticket was first posted in together with others (a burst), if any.</summary>
    public string? BundleActivityId { get; init; }

    /// <summary>True while the ticket is shown in its bundle rather than in a message of its own.</summary>
    public bool InBundle => BundleActivityId is not null && BundleActivityId == TicketActivityId;

    /// <summary>True once the ticket left its bundle for a message of its own.</summary>
    public bool MovedOutOfBundle => BundleActivityId is not null && BundleActivityId != TicketActivityId;
    public string? PickedUpBy { get; init; }
    /// <summary>The advice or agreed contribution given on Afronden, or the reason on Teruggeven.</summary>
    public string? Outcome { get; init; }
    /// <summary>Extra information the casemanager added, oldest first.</summary>
    public IReadOnlyList<string> AddedInformation { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? TicketAt { get; init; }
    public DateTimeOffset? PickedUpAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Short, human reference for cards ("AV-3F9A2C"); not a secret, not personal.</summary>
    public string Reference => "AV-" + Id[..6].ToUpperInvariant();
}

/// <summary>One audited status change: who, when, what — never case text.</summary>
internal sealed record RequestEvent(string RequestId, DateTimeOffset At, string ActorId, RequestRole Role, string Transition, RequestStatus? From, RequestStatus To);

/// <summary>Outbox kinds: make the ticket reflect the request (post or update), or tell the casemanager something.</summary>
internal static class OutboxKinds
{
    public const string Ticket = "ticket";
    public const string Notify = "notify";
}

/// <summary>What a notify delivery tells the casemanager; the message (Reageren) lives in the database only.</summary>
internal sealed record NotifyPayload(string Change, string? Message = null, string? Actor = null);

internal sealed record OutboxItem(string Id, string RequestId, string Kind, string? Payload, int Attempts, DateTimeOffset CreatedAt, long Seq);

/// <summary>A channel linked to municipalities with "koppel dit kanaal aan …".</summary>
internal sealed record ChannelLink(string Municipality, string ChannelId, string ConversationId, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>The anonymous facts the report counts: no case reference, no text, no people.</summary>
internal sealed record RequestFact(string Municipality, string? RouteId, string Kind, string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PickedUpAt, DateTimeOffset? ClosedAt);

internal static class RequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>
/// Told about every new request after it is stored (the reminders feature sets or proposes the evaluation date).
/// A listener's failure never fails the submit.
/// </summary>
internal interface IRequestSubmittedListener
{
    /// <summary>Returns a short line for the casemanager's confirmation card, or null.</summary>
    Task<string?> OnSubmittedAsync(StoredRequest request, CancellationToken cancellationToken);
}
