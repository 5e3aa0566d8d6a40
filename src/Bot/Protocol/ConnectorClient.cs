using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Storage;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// The Bot Connector v3 REST client (reply, send, update, delete, create conversation). The token is attached
/// only after the serviceUrl's host passed <see cref="OutboundHostPolicy"/>. Retries (429/412/502/503/504 only)
/// and pacing live in the HttpClient pipeline; Teams' 403/404 answers become <see cref="SendResult"/> values.
/// </summary>
internal sealed class ConnectorClient(
    HttpClient http,
    IBotTokenProvider tokens,
    OutboundHostPolicy hosts,
    IConversationReferenceStore references,
    ILogger<ConnectorClient> logger)
{
    internal const string HttpClientName = "ExpertBot.Bot.Connector";

    // Teams 403 codes that mean "this conversation can't be reached until the user acts" (notes §3.5).
    private static readonly HashSet<string> UnreachableCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster", "ConversationBlockedByUser", "ForbiddenOperationException", "BotDisabledByAdmin",
    };

    public Task<SendResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync(HttpMethod.Post, reference, $"v3/conversations/{Escape(reference.ConversationId)}/activities",
            Outgoing(activity), cancellationToken);
    }

    public Task<SendResult> ReplyAsync(ConversationReference reference, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync(HttpMethod.Post, reference,
            $"v3/conversations/{Escape(reference.ConversationId)}/activities/{Escape(replyToId)}",
            Outgoing(activity) with { ReplyToId = replyToId }, cancellationToken);
    }

    public Task<SendResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync(HttpMethod.Put, reference,
            $"v3/conversations/{Escape(reference.ConversationId)}/activities/{Escape(activityId)}",
            Outgoing(activity) with { Id = activityId }, cancellationToken);
    }

    public Task<SendResult> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return CallAsync(HttpMethod.Delete, reference,
            $"v3/conversations/{Escape(reference.ConversationId)}/activities/{Escape(activityId)}", null, cancellationToken);
    }

    /// <summary>
    /// <c>POST v3/conversations</c>, e.g. a 1:1 chat with a user (Teams: bot, members, tenantId and
    /// channelData.tenant). On success <see cref="SendResult.Sent.ActivityId"/> is the new conversation's id.
    /// </summary>
    public async Task<SendResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        var tenant = parameters.TenantId ?? string.Empty;
        // A new thread in a channel counts against the channel (Teams: "create conversation" per thread).
        var channel = (parameters.ChannelData?["channel"] as JsonObject)?["id"] is JsonValue id && id.TryGetValue<string>(out var c) ? c : null;
        return await ExecuteAsync(HttpMethod.Post, serviceUrl, "v3/conversations", JsonContent.Create(parameters, options: ProtocolJson.Options),
            new PacingKey(channel, tenant), reference: null, isCreate: true, cancellationToken).ConfigureAwait(false);
    }

    private Task<SendResult> CallAsync(HttpMethod method, ConversationReference reference, string path, Activity? body, CancellationToken cancellationToken)
    {
        var content = body is null ? null : JsonContent.Create(body, options: ProtocolJson.Options);
        var key = new PacingKey(reference.ConversationId, reference.TenantId ?? string.Empty);
        return ExecuteAsync(method, reference.ServiceUrl, path, content, key, reference, isCreate: false, cancellationToken);
    }

    private async Task<SendResult> ExecuteAsync(
        HttpMethod method, string serviceUrl, string path, HttpContent? content, PacingKey key,
        ConversationReference? reference, bool isCreate, CancellationToken cancellationToken)
    {
        if (!hosts.IsAllowed(serviceUrl))
        {
            Log.ServiceUrlRefused(logger, HostOf(serviceUrl));
            content?.Dispose();
            return new SendResult.Refused("The serviceUrl's host is not allowed.");
        }

        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
        request.Options.Set(PacingKey.OptionKey, key);
        try
        {
            if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TokenAcquisitionFailed(logger, ex);
            return new SendResult.Failed(0, "TokenAcquisitionFailed");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.ConnectorUnreachable(logger, method.Method, ex);
            return new SendResult.Failed(0, "NetworkError");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            if (response.IsSuccessStatusCode)
            {
                var id = await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
                Log.ConnectorCallSucceeded(logger, method.Method, status, operationId);
                return new SendResult.Sent(id);
            }

            var code = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Forbidden when code is not null && UnreachableCodes.Contains(code):
                    Log.ConversationUnreachable(logger, status, code, operationId);
                    if (reference is not null && !isCreate)
                    {
                        await references.SetStatusAsync(reference.ChannelId, reference.ConversationId, ReferenceStatus.Unreachable, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    return new SendResult.Unreachable(code);
                case HttpStatusCode.NotFound:
                    Log.ConnectorCallDropped(logger, method.Method, code, operationId);
                    return new SendResult.Dropped(code);
                default:
                    Log.ConnectorCallFailed(logger, method.Method, status, code, operationId);
                    return new SendResult.Failed(status, code);
            }
        }
    }

    // Outgoing activities must not carry serviceUrl or timestamp (spec A2302, A2041).
    private static Activity Outgoing(Activity activity) => activity with { ServiceUrl = null, Timestamp = null };

    // Teams ids contain ':', ';', '@' and '='; each id is one path segment.
    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string HostOf(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.Host : "(invalid url)";

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
            return body?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // No or non-JSON content (DELETE answers 200 with nothing).
            return null;
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
