using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ExpertBot.Bot.Tests.Protocol;

namespace ExpertBot.Bench.LoadBench;

/// <summary>What the connector saw of one reply: when it arrived and, if it offers follow-up buttons, its body.</summary>
internal readonly record struct ReplyArrival(long Timestamp, byte[]? CardWithFollowUp);

/// <summary>
/// A fake Bot Connector on loopback: answers 201 {id} at once and timestamps every activity it receives.
/// A reply is matched to its turn by the route (conversation id + replyToId), so bodies aren't parsed or kept
/// — except a card offering follow-up buttons, which the load generator answers like a user.
/// </summary>
internal sealed class ReplyConnector : IAsyncDisposable
{
    private static readonly byte[] TypingMarker = "\"type\":\"typing\""u8.ToArray();
    private static readonly byte[] FollowUpMarker = "followup.choose"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Conversation, string ReplyTo), TaskCompletionSource<ReplyArrival>> _waiting = new();
    private long _ids;
    private long _typing;
    private long _unmatched;
    private long _received;

    private ReplyConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Typing => Interlocked.Read(ref _typing);
    public long Unmatched => Interlocked.Read(ref _unmatched);
    public long Received => Interlocked.Read(ref _received);

    public static async Task<ReplyConnector> StartAsync()
    {
        var app = Loopback.CreateApp();
        var connector = new ReplyConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}",
            (HttpContext http, string conversationId, string replyToId) => connector.ReceiveAsync(http, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities",
            (HttpContext http, string conversationId) => connector.ReceiveAsync(http, conversationId, null));
        await app.StartAsync();
        connector.ServiceUrl = Loopback.BaseAddress(app);
        return connector;
    }

    /// <summary>Registers a turn before it is posted, so its reply can't arrive unannounced.</summary>
    public Task<ReplyArrival> Expect(string conversationId, string activityId)
    {
        var waiter = new TaskCompletionSource<ReplyArrival>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiting.TryAdd((conversationId, activityId), waiter))
        {
            throw new InvalidOperationException($"Turn {conversationId}/{activityId} is already awaited.");
        }

        return waiter.Task;
    }

    public void Forget(string conversationId, string activityId) => _waiting.TryRemove((conversationId, activityId), out _);

    private async Task ReceiveAsync(HttpContext http, string conversationId, string? replyToId)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        var body = await ReadAsync(http.Request);
        var span = body.AsSpan();
        if (span.IndexOf(TypingMarker) >= 0)
        {
            Interlocked.Increment(ref _typing);
        }
        else if (replyToId is not null && _waiting.TryRemove((conversationId, replyToId), out var waiter))
        {
            waiter.TrySetResult(new ReplyArrival(arrived, span.IndexOf(FollowUpMarker) >= 0 ? body : null));
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }

        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"bench-reply-{{Interlocked.Increment(ref _ids)}}"}""", Encoding.UTF8);
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? 4096, 256, 1 << 20));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096));
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
