using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using Activity = ExpertBot.Bot.Protocol.Activity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExpertBot.Bot.Tests.Protocol;

internal static class Loopback
{
    public static WebApplication CreateApp(string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public static string BaseAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";

    /// <summary>Waits for a condition with a ceiling, so a hang fails fast instead of blocking the run.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>A local Bot Framework token authority: RSA keys, an OpenID metadata document and a JWKS with endorsements.</summary>
internal sealed class TestTokenAuthority : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (RSA Key, string[]? Endorsements)> _published = new();
    private int _metadataRequests;

    private TestTokenAuthority(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<TestTokenAuthority> StartAsync()
    {
        var app = Loopback.CreateApp();
        var authority = new TestTokenAuthority(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
        {
            Interlocked.Increment(ref authority._metadataRequests);
            var origin = $"http://{http.Request.Host}";
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{origin}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Json(authority.Jwks()));
        await app.StartAsync();
        authority.MetadataUrl = Loopback.BaseAddress(app) + "v1/.well-known/openidconfiguration";
        return authority;
    }

    /// <summary>Publishes a key; <paramref name="endorsements"/> null leaves the field out.</summary>
    public RSA Publish(string kid, params string[]? endorsements)
    {
        var rsa = RSA.Create(2048);
        _published[kid] = (rsa, endorsements);
        return rsa;
    }

    public static string CreateToken(
        RSA key,
        string kid,
        string serviceUrl,
        string issuer = Issuer,
        string audience = AppId,
        DateTime? notBefore = null,
        DateTime? expires = null,
        bool includeServiceUrl = true)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = includeServiceUrl ? new Dictionary<string, object> { ["serviceurl"] = serviceUrl } : null,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string CreateUnsignedToken(string kid, string serviceUrl)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode($$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""");
        var payload = Encode($$"""{"iss":"{{Issuer}}","aud":"{{AppId}}","nbf":{{now - 60}},"exp":{{now + 600}},"serviceurl":"{{serviceUrl}}"}""");
        return $"{header}.{payload}.";
    }

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        foreach (var (kid, (rsa, endorsements)) in _published)
        {
            var parameters = rsa.ExportParameters(false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                key["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
            }

            keys.Add(key);
        }

        return new JsonObject { ["keys"] = keys };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, long Timestamp);

internal sealed record ScriptedResponse(int Status, string? Body = null, string? RetryAfter = null);

/// <summary>
/// A fake Bot Connector on loopback speaking the v3 routes: records every request (with its raw, still
/// percent-encoded target) and answers from a script, 200 with a fresh id by default.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _ids;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public Func<int, RecordedRequest, ScriptedResponse?> Script { get; set; } = (_, _) => null;
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeConnector> StartAsync()
    {
        var app = Loopback.CreateApp();
        var connector = new FakeConnector(app);
        app.Map("/v3/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var recorded = new RecordedRequest(
                http.Request.Method,
                http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                await reader.ReadToEndAsync(),
                Stopwatch.GetTimestamp());
            connector._requests.Enqueue(recorded);
            var scripted = connector.Script(connector._requests.Count, recorded);
            if (scripted is null)
            {
                return Results.Json(new { id = $"activity-{Interlocked.Increment(ref connector._ids)}" }, statusCode: 201);
            }

            if (scripted.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            return scripted.Body is null
                ? Results.StatusCode(scripted.Status)
                : Results.Text(scripted.Body, "application/json", statusCode: scripted.Status);
        });
        await app.StartAsync();
        connector.ServiceUrl = Loopback.BaseAddress(app);
        return connector;
    }

    public static string Error(string code) => $$$"""{"error":{"code":"{{{code}}}","message":"scripted"}}""";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed class FakeTokenProvider : IBotTokenProvider
{
    private int _calls;
    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<string?>("fake-bot-token");
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>Collects every log line (Debug and up) so tests can assert on events and on what is never logged.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _entries);

    public void Dispose() { }

    private sealed class SinkLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

/// <summary>The bot under test: its own Kestrel on 127.0.0.1:0 with AddBotProtocol + MapBotMessages.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, LogSink logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(Loopback.BaseAddress(app)) };
    }

    public HttpClient Client { get; }
    public LogSink Logs { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?> settings,
        Action<ActivityRouter, IServiceProvider>? routes = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The bot's appsettings.json is copied next to the tests; its log levels must not hide Debug events here.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddBotProtocol(builder.Configuration);
        if (routes is not null)
        {
            builder.Services.ConfigureBotRouter(routes);
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        return new BotHost(app, logs);
    }

    /// <summary>Settings of an authenticated bot whose keys come from <paramref name="authority"/>.</summary>
    public static Dictionary<string, string?> AuthenticatedSettings(TestTokenAuthority authority, string? connectorHost = "127.0.0.1") => new()
    {
        ["Bot:AppId"] = TestTokenAuthority.AppId,
        ["Bot:AppType"] = "MultiTenant",
        ["Bot:ClientSecret"] = "not-used-the-token-provider-is-faked",
        ["Bot:OpenIdMetadataUrl"] = authority.MetadataUrl,
        ["Bot:AllowedServiceUrlHosts:0"] = connectorHost,
        ["Bot:RetryBaseDelay"] = "00:00:00.010",
    };

    public static Activity Message(string serviceUrl, string text = "hallo", string id = "1485983408511", string conversationId = "a:1personal") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user", Name = "Casemanager", AadObjectId = "aad-user" },
        Recipient = new ChannelAccount { Id = "28:" + TestTokenAuthority.AppId, Name = "ExpertBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Text = text,
    };

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearer = null) =>
        PostRawAsync(JsonSerializer.Serialize(activity, ProtocolJson.Options), bearer);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? bearer = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
