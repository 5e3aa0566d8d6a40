using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using OpenAI.Chat;

namespace ExpertBot.Bot.LanguageModel;

/// <summary>One model call's result: the structured output's JSON, or why there is none (a short code, never text).</summary>
internal sealed record ModelReply(string? Json, string? Failure)
{
    public static ModelReply Ok(string json) => new(json, null);

    public static ModelReply Failed(string reason) => new(null, reason);
}

/// <summary>
/// The Azure OpenAI chat-completions client, set up for a turn budget: no retries (a 429 or 5xx falls back at once,
/// the embedded answer is ready), a network timeout, structured output in strict mode. Every failure becomes a
/// <see cref="ModelReply"/> reason; nothing is thrown into the turn.
/// </summary>
internal sealed class AzureChatModel
{
    /// <summary>A worded answer is at most ~1,500 characters; the understanding is much smaller.</summary>
    private const int MaxOutputTokens = 800;

    private readonly ChatClient _chat;

    /// <param name="credential">Replaces the managed identity credential (tests); ignored with an API key.</param>
    public AzureChatModel(AzureOpenAIOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!);
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        var client = !string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions)
            : new AzureOpenAIClient(endpoint, credential ?? ManagedIdentity(options.ManagedIdentityClientId), clientOptions);
        _chat = client.GetChatClient(options.Deployment);
    }

    /// <summary>
    /// Asks for JSON matching <paramref name="schema"/>. <paramref name="budget"/> is the turn's model budget: when it
    /// runs out the reply is "timeout". Throws only when <paramref name="turn"/> (the turn itself) is cancelled.
    /// </summary>
    public async Task<ModelReply> CompleteJsonAsync(string schemaName, JsonObject schema, string system, string user, CancellationToken budget, CancellationToken turn)
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schemaName, BinaryData.FromString(schema.ToJsonString()), jsonSchemaIsStrict: true),
            Temperature = 0,
            MaxOutputTokenCount = MaxOutputTokens,
        };
        try
        {
            var result = await _chat.CompleteChatAsync([new SystemChatMessage(system), new UserChatMessage(user)], options, budget);
            var completion = result.Value;
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
            {
                return ModelReply.Failed("content-filter");
            }

            if (completion.FinishReason != ChatFinishReason.Stop || completion.Refusal is not null)
            {
                return ModelReply.Failed(completion.Refusal is not null ? "refusal" : "incomplete-output");
            }

            var text = completion.Content.Count > 0 ? completion.Content[0].Text : null;
            return string.IsNullOrWhiteSpace(text) ? ModelReply.Failed("invalid-output") : ModelReply.Ok(text);
        }
        catch (OperationCanceledException) when (!turn.IsCancellationRequested)
        {
            // Our budget or the client's network timeout.
            return ModelReply.Failed("timeout");
        }
        catch (ClientResultException e) when (e.Status == 400 && IsContentFilter(e))
        {
            return ModelReply.Failed("content-filter");
        }
        catch (ClientResultException e) when (e.Status != 0)
        {
            return ModelReply.Failed($"http-{e.Status}");
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or IOException or AuthenticationFailedException or CredentialUnavailableException)
        {
            return ModelReply.Failed(e is AuthenticationFailedException or CredentialUnavailableException ? "credential" : "network");
        }
    }

    /// <summary>Azure's prompt filter answers 400 with error code "content_filter".</summary>
    private static bool IsContentFilter(ClientResultException e)
    {
        try
        {
            return e.GetRawResponse()?.Content is { } content
                && JsonNode.Parse(content.ToString())?["error"]?["code"]?.GetValue<string>() == "content_filter";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static ManagedIdentityCredential ManagedIdentity(string? clientId) =>
        new(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
