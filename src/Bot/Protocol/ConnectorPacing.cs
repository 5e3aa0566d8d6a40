using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

/// <summary>Which limits a Connector request counts against.</summary>
internal readonly record struct PacingKey(string? ConversationId, string Tenant)
{
    public static readonly HttpRequestOptionsKey<PacingKey> OptionKey = new("ExpertBot.Pacing");
}

/// <summary>
/// Keeps outbound traffic under Teams' limits by waiting, never dropping: per conversation 7/s and 60/30 s,
/// per tenant (the app's 50 RPS) across all conversations. Sits inside the retry handler, so every attempt is paced.
/// </summary>
internal sealed class ConnectorPacing : IDisposable
{
    private const int QueueLimit = 10_000;
    private readonly PartitionedRateLimiter<PacingKey> _limiter;

    public ConnectorPacing(IOptions<BotOptions> options)
    {
        var perConversation = options.Value.MessagesPerSecondPerConversation;
        var perTenant = options.Value.RequestsPerSecondPerTenant;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<PacingKey, string>(key => key.ConversationId is { } id
                ? RateLimitPartition.GetSlidingWindowLimiter(id, _ => Window(perConversation, TimeSpan.FromSeconds(1)))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<PacingKey, string>(key => key.ConversationId is { } id
                ? RateLimitPartition.GetSlidingWindowLimiter(id, _ => Window(60, TimeSpan.FromSeconds(30)))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<PacingKey, string>(key =>
                RateLimitPartition.GetSlidingWindowLimiter(key.Tenant, _ => Window(perTenant, TimeSpan.FromSeconds(1)))));
    }

    public ValueTask<RateLimitLease> AcquireAsync(PacingKey key, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(key, 1, cancellationToken);

    public void Dispose() => _limiter.Dispose();

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 10,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}

internal sealed class PacingHandler(ConnectorPacing pacing) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(PacingKey.OptionKey, out var key))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var lease = await pacing.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // Only when 10,000 requests already wait: answer like Teams would, so the retry policy backs off.
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
