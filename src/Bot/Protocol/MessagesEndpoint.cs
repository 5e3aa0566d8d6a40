using System.Threading.Channels;
using System.Buffers;
using System.Text.Json;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// POST /api/messages. Order of checks: content type (415), token (401/503), bounded body read (413),
/// JSON and type (400), endorsement and serviceUrl (403). Then the reference is captured, redeliveries are
/// answered without running again, invokes run inline and everything else is queued and acknowledged.
/// </summary>
internal sealed class MessagesEndpoint(
    BotTokenValidator validator,
    ActivityRouter router,
    TurnQueue queue,
    TurnRunner runner,
    IConversationReferenceStore references,
    IActivityDeduplicator deduplicator,
    InvokeResponseCache invokeResponses,
    IOptions<BotOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(5);
    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var aborted = http.RequestAborted;
        if (!request.HasJsonContentType())
        {
            return Reject(StatusCodes.Status415UnsupportedMediaType, "content type is not JSON");
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, "declared body too large");
        }

        var token = await validator.AuthenticateAsync(request.Headers.Authorization, aborted).ConfigureAwait(false);
        switch (token)
        {
            case TokenCheck.Unauthorized unauthorized:
                return Reject(StatusCodes.Status401Unauthorized, unauthorized.Reason);
            case TokenCheck.Unavailable unavailable:
                return Reject(StatusCodes.Status503ServiceUnavailable, unavailable.Reason);
        }

        var body = await ReadBoundedAsync(request.Body, _maxBodyBytes, aborted).ConfigureAwait(false);
        if (body is null)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return Reject(StatusCodes.Status400BadRequest, "malformed JSON");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Reject(StatusCodes.Status400BadRequest, "missing activity type");
        }

        if (token.Authorize(activity) is { } forbidden)
        {
            return Reject(StatusCodes.Status403Forbidden, forbidden);
        }

        Log.ActivityReceived(logger, activity.Type, activity.Id, activity.ChannelId);
        var reference = activity.ToConversationReference();
        await RememberReferenceAsync(activity, reference).ConfigureAwait(false);

        if (activity.Id is { Length: > 0 } activityId && activity.Conversation?.Id is { Length: > 0 } conversationId
            && !await deduplicator.TryBeginAsync(conversationId, activityId, CancellationToken.None).ConfigureAwait(false))
        {
            Log.Redelivery(logger, activity.Type, activityId);
            return activity.IsInvoke() && invokeResponses.Get(conversationId, activityId) is { } cached
                ? Write(cached)
                : Results.Ok();
        }

        if (activity.IsInvoke())
        {
            var response = await runner.InvokeAsync(activity, reference).ConfigureAwait(false);
            return Write(response);
        }

        if (!router.HasHandler(activity))
        {
            Log.ActivityIgnored(logger, activity.Type, activity.Id);
            return Results.Ok();
        }

        // The turn must not die with the request, so it gets neither RequestAborted nor HttpContext.
        using var wait = new CancellationTokenSource(EnqueueWait);
        try
        {
            await queue.EnqueueAsync(new QueuedTurn(activity, reference), wait.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChannelClosedException || (e is OperationCanceledException && wait.IsCancellationRequested))
        {
            // Queue full or the host is stopping: 503, and forget the id so the channel's redelivery is handled.
            Log.QueueFull(logger, activity.Type, activity.Id);
            if (activity.Id is { Length: > 0 } id && activity.Conversation?.Id is { Length: > 0 } conversation)
            {
                await deduplicator.ForgetAsync(conversation, id, CancellationToken.None).ConfigureAwait(false);
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private async Task RememberReferenceAsync(Activity activity, ConversationReference? reference)
    {
        if (reference is null)
        {
            return;
        }

        try
        {
            if (string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.OrdinalIgnoreCase)
                && activity.Action is "remove" or "remove-upgrade")
            {
                await references.SetStatusAsync(reference.ChannelId, reference.ConversationId, ReferenceStatus.Revoked, CancellationToken.None)
                    .ConfigureAwait(false);
                Log.ReferenceRevoked(logger, activity.Id);
            }
            else
            {
                await references.UpsertAsync(reference, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // A store outage must not make Teams redeliver (and the user repeat) the activity.
            Log.ReferenceStoreFailed(logger, activity.Type, activity.Id, ex);
        }
    }

    private IResult Reject(int status, string reason)
    {
        Log.RequestRejected(logger, status, reason);
        return Results.StatusCode(status);
    }

    private static IResult Write(InvokeResponse response) =>
        response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Json(response.Body, ProtocolJson.Options, statusCode: response.Status);

    /// <summary>The body, or null as soon as it exceeds <paramref name="limit"/> bytes: never buffers more than that.</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit, 16 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(8 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
