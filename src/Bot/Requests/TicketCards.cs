using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;

namespace ExpertBot.Bot.Requests;

internal static class TicketCards
{
    /// <summary>The card of the channel message that shows this request's ticket now: its own ticket, or its bundle.</summary>
    public static async Task<JsonObject> TicketCardAsync(this IRequestStore store, StoredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.InBundle && request.TargetConversationId is { } conversationId
            ? await store.BundleCardAsync(conversationId, request.BundleActivityId!, request, cancellationToken)
            : RequestCards.Ticket(request);
    }

    /// <summary>The bundle message's card, with <paramref name="changed"/> as it is now (it may not be stored yet).</summary>
    public static async Task<JsonObject> BundleCardAsync(this IRequestStore store, string conversationId, string bundleActivityId, StoredRequest? changed, CancellationToken cancellationToken)
    {
        var bundle = await store.ListBundleAsync(conversationId, bundleActivityId, cancellationToken);
        return RequestCards.TicketBundle([.. bundle.Select(r => r.Id == changed?.Id ? changed : r)]);
    }
}
