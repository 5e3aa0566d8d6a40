using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ExpertBot.Bot.Tests.LanguageModel;

/// <summary>One chat-completions request as the fake received it.</summary>
internal sealed record ModelRequest(string Deployment, string? ApiVersion, string? ApiKey, string? Authorization, string RawBody, JsonObject Body)
{
    public string SchemaName => Body["response_format"]?["json_schema"]?["name"]?.GetValue<string>() ?? "";

    public string UserMessage => Body["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();

    /// <summary>The facts JSON the assistant put in a phrasing request.</summary>
    public JsonObject Facts => JsonNode.Parse(UserMessage[(UserMessage.IndexOf("Facts (JSON): ", StringComparison.Ordinal) + 14)..])!.AsObject();
}

/// <summary>What the fake answers: a completion, an error status, or either after a delay.</summary>
internal abstract record FakeReply
{
    public sealed record Completion(string? Content, string FinishReason = "stop") : FakeReply;

    public sealed record Error(int Status, string Body, string? RetryAfter = null) : FakeReply;

    public sealed record Delayed(TimeSpan Delay, FakeReply Then) : FakeReply;
}

/// <summary>
/// A fake Azure OpenAI resource on loopback speaking the real chat-completions wire format:
/// <c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c> with an <c>api-key</c> header (or a
/// bearer token), answering <c>chat.completion</c> objects or Azure's error shapes. Records every request body.
/// By default it reads nothing extra and words the answer from the facts it was given (grounded).
/// </summary>
internal sealed class FakeAzureOpenAI : IAsyncDisposable
{
    public const string ApiKey = "test-key-not-secret";
    public const string Deployment = "gpt-test";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private int _ids;

    private FakeAzureOpenAI(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ModelRequest> Requests => [.. _requests];

    /// <summary>Replies by request; the default is <see cref="Grounded"/>.</summary>
    public Func<ModelRequest, FakeReply> Script { get; set; } = Grounded;

    /// <summary>Settings that point the bot at this fake.</summary>
    public Dictionary<string, string?> Settings(TimeSpan? timeout = null) => new()
    {
        ["AzureOpenAI:Endpoint"] = Endpoint,
        ["AzureOpenAI:Deployment"] = Deployment,
        ["AzureOpenAI:ApiKey"] = ApiKey,
        ["AzureOpenAI:Timeout"] = (timeout ?? TimeSpan.FromSeconds(4)).ToString(),
    };

    public static async Task<FakeAzureOpenAI> StartAsync()
    {
        var app = Loopback.CreateApp();
        var fake = new FakeAzureOpenAI(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", async (HttpContext http, string deployment) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var raw = await reader.ReadToEndAsync();
            var request = new ModelRequest(
                deployment,
                http.Request.Query["api-version"].FirstOrDefault(),
                http.Request.Headers["api-key"].FirstOrDefault(),
                http.Request.Headers.Authorization.FirstOrDefault(),
                raw,
                JsonNode.Parse(raw)!.AsObject());
            fake._requests.Enqueue(request);
            if (request.ApiKey != ApiKey && request.Authorization is null)
            {
                return Results.Text("""{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}""", "application/json", statusCode: 401);
            }

            var reply = fake.Script(request);
            while (reply is FakeReply.Delayed delayed)
            {
                try
                {
                    await Task.Delay(delayed.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }

                reply = delayed.Then;
            }

            switch (reply)
            {
                case FakeReply.Error error:
                    if (error.RetryAfter is not null)
                    {
                        http.Response.Headers.RetryAfter = error.RetryAfter;
                    }

                    return Results.Text(error.Body, "application/json", statusCode: error.Status);
                case FakeReply.Completion completion:
                    return Results.Text(fake.CompletionJson(deployment, completion).ToJsonString(), "application/json");
                default:
                    throw new InvalidOperationException("unknown reply");
            }
        });
        await app.StartAsync();
        fake.Endpoint = Loopback.BaseAddress(app);
        return fake;
    }

    /// <summary>Reads nothing the embedded reader missed; words the answer from its facts, naming the first expert or the route.</summary>
    public static FakeReply Grounded(ModelRequest request) => request.SchemaName == "understanding"
        ? new FakeReply.Completion(Understanding())
        : new FakeReply.Completion(GroundedPhrasing(request.Facts));

    public static string Understanding(
        string intent = "unknown",
        bool acute = false,
        string[]? present = null,
        string[]? absent = null,
        string[]? topics = null,
        string? municipality = null,
        string? day = null) => new JsonObject
        {
            ["intent"] = intent,
            ["acuteDanger"] = acute,
            ["signalsPresent"] = Strings(present),
            ["signalsAbsent"] = Strings(absent),
            ["topics"] = Strings(topics),
            ["municipality"] = municipality,
            ["day"] = day,
        }.ToJsonString();

    public static string Phrasing(string text, string[]? expertIds = null, string[]? routeIds = null) => new JsonObject
    {
        ["text"] = text,
        ["expertIds"] = Strings(expertIds),
        ["routeIds"] = Strings(routeIds),
    }.ToJsonString();

    public static string GroundedPhrasing(JsonObject facts)
    {
        if (facts["route"] is JsonObject route)
        {
            var id = route["id"]!.GetValue<string>();
            return Phrasing($"Grounded wording: {route["name"]!.GetValue<string>()} past hier. {route["nextStep"]!.GetValue<string>()}", routeIds: [id]);
        }

        if (facts["experts"]?.AsArray().FirstOrDefault() is JsonObject expert)
        {
            return Phrasing($"Grounded wording: {expert["name"]!.GetValue<string>()} ({expert["role"]!.GetValue<string>()}) past het best.", [expert["id"]!.GetValue<string>()]);
        }

        return Phrasing("Grounded wording: zie de artikelen hieronder.");
    }

    /// <summary>Azure's 400 for a prompt its content filter blocked.</summary>
    public const string ContentFilterError = """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"high"}}}}}
        """;

    public const string RateLimitError = """{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded the token rate limit. Please retry after 10 seconds."}}""";

    public const string ServerError = """{"error":{"code":"InternalServerError","message":"The server had an error while processing your request."}}""";

    private JsonObject CompletionJson(string deployment, FakeReply.Completion completion) => new()
    {
        ["id"] = $"chatcmpl-fake{Interlocked.Increment(ref _ids)}",
        ["object"] = "chat.completion",
        ["created"] = 1_795_000_000,
        ["model"] = deployment,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = completion.Content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = completion.FinishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
    };

    private static JsonArray Strings(string[]? values) => new([.. (values ?? []).Select(v => (JsonNode)JsonValue.Create(v))]);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
