using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Loading;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Requests;

/// <summary>
/// Where a ticket goes and how to reach it now. <see cref="Reference"/> is null when the target is known but not reachable
/// yet; for an expert without a chat with the bot, <see cref="ExpertUserId"/> says whom to open one with.
/// </summary>
internal sealed record ResolvedTarget(string Description, string? ConversationId, ConversationReference? Reference, string? ExpertUserId = null);

/// <summary>
/// Routing, in order: a channel linked to the municipality ("koppel dit kanaal aan …", stored), a configured
/// route for the municipality, a configured route for a GI organisation serving it, the default target.
/// A target is reached through the conversation reference the bot captured there (install or a message).
/// </summary>
internal sealed class RequestRouting(
    IRequestStore store,
    IConversationReferenceStore references,
    IOptions<RequestsOptions> options,
    Func<KnowledgeBase> knowledge)
{
    public async Task<ResolvedTarget?> ResolveAsync(string municipality, CancellationToken cancellationToken)
    {
        if (await store.FindChannelAsync(municipality, cancellationToken) is { } link)
        {
            var stored = await references.GetAsync(link.ChannelId, link.ConversationId, cancellationToken);
            return new ResolvedTarget("channel", link.ConversationId, Usable(stored));
        }

        var target = Configured(municipality);
        if (target is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(target.ConversationId))
        {
            var stored = await references.GetAsync("msteams", target.ConversationId, cancellationToken);
            return new ResolvedTarget("channel", target.ConversationId, Usable(stored));
        }

        var expert = knowledge().Experts.FirstOrDefault(e => e.Id == target.Expert);
        if (expert?.Contact.TeamsUserId is not { } userId)
        {
            return new ResolvedTarget("expert", null, null);
        }

        var personal = await references.FindPersonalAsync("msteams", userId, cancellationToken);
        return new ResolvedTarget("expert", personal?.Reference.ConversationId, Usable(personal), userId);
    }

    /// <summary>The configured target for a municipality (no linked channels), for tests and the report of routes.</summary>
    public RequestTarget? Configured(string municipality)
    {
        var routes = options.Value.Routes;
        var byMunicipality = routes.FirstOrDefault(r => string.Equals(r.Municipality, municipality, StringComparison.OrdinalIgnoreCase));
        if (byMunicipality is not null)
        {
            return byMunicipality.Target;
        }

        var organisations = knowledge().Organisations;
        var byOrganisation = routes.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Municipality)
            && organisations.FirstOrDefault(o => o.Id == r.Organisation) is { } organisation
            && organisation.Municipalities.Any(m => m == "*" || string.Equals(m, municipality, StringComparison.OrdinalIgnoreCase)));
        return byOrganisation?.Target ?? options.Value.DefaultTarget;
    }

    private static ConversationReference? Usable(StoredConversationReference? stored) =>
        stored is { Status: ReferenceStatus.Active } ? stored.Reference : null;

    /// <summary>Channel thread replies carry ";messageid=…" after the channel's conversation id.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var cut = conversationId.IndexOf(';', StringComparison.Ordinal);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
