using System.Net;
using System.Security.Cryptography;
using ExpertBot.Bot.Protocol;

namespace ExpertBot.Bot.Tests.Protocol;

public sealed class InboundAuthTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Kid = "key-1";

    private static async Task<(TestTokenAuthority Authority, RSA Key, BotHost Bot, TaskCompletionSource<Activity> Handled)> StartAsync(
        params string[]? endorsements)
    {
        var authority = await TestTokenAuthority.StartAsync();
        var key = authority.Publish(Kid, endorsements is null or { Length: 0 } ? ["msteams"] : endorsements);
        var handled = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = await BotHost.StartAsync(
            BotHost.AuthenticatedSettings(authority),
            (router, _) => router.OnMessage((turn, _) => { handled.TrySetResult(turn.Activity); return Task.CompletedTask; }),
            services => services.AddSingleton<IBotTokenProvider>(new FakeTokenProvider()));
        return (authority, key, bot, handled);
    }

    private static async Task<HttpStatusCode> PostWithTokenAsync(string? token, string serviceUrl = ServiceUrl, params string[]? endorsements)
    {
        var (authority, _, bot, _) = await StartAsync(endorsements);
        await using (authority)
        await using (bot)
        {
            using var response = await bot.PostAsync(BotHost.Message(serviceUrl), token);
            return response.StatusCode;
        }
    }

    [Fact]
    public async Task Validate_ValidToken_Returns200AndHandles()
    {
        var (authority, key, bot, handled) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(key, Kid, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = await handled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("1485983408511", activity.Id);
    }

    [Fact]
    public async Task Validate_MissingToken_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWithTokenAsync(token: null));
    }

    [Fact]
    public async Task Validate_MalformedToken_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWithTokenAsync("not.a-jwt"));
    }

    [Fact]
    public async Task Validate_NonBearerScheme_Returns401()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = JsonContentOf(BotHost.Message(ServiceUrl)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + TestTokenAuthority.CreateToken(key, Kid, ServiceUrl));

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_AlgNone_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWithTokenAsync(TestTokenAuthority.CreateUnsignedToken(Kid, ServiceUrl)));
    }

    [Fact]
    public async Task Validate_ExpiredToken_Returns401()
    {
        var (authority, key, bot, handled) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var now = DateTime.UtcNow;
        // Expired 10 minutes ago: beyond the 5-minute clock skew.
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-10));

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(handled.Task.IsCompleted);
    }

    [Fact]
    public async Task Validate_ExpiredWithinClockSkew_Returns200()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var now = DateTime.UtcNow;
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-2));

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Validate_NotYetValidToken_Returns401()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var now = DateTime.UtcNow;
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1));

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_WrongIssuer_Returns401()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, issuer: "https://evil.example.com");

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_WrongAudience_Returns401()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, audience: "another-bot");

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_BadSignature_Returns401()
    {
        var (authority, _, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        using var impostor = RSA.Create(2048);
        // Names the published key id but is signed by another key.
        var token = TestTokenAuthority.CreateToken(impostor, Kid, ServiceUrl);

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_UnknownKidThenRotatedKey_RefreshesOnceAndReturns200()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        using (var first = await bot.PostAsync(BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(key, Kid, ServiceUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var before = authority.MetadataRequests;
        var rotated = authority.Publish("key-2", "msteams");
        using var response = await bot.PostAsync(
            BotHost.Message(ServiceUrl, id: "2"), TestTokenAuthority.CreateToken(rotated, "key-2", ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, authority.MetadataRequests);
    }

    [Fact]
    public async Task Validate_KidNotInJwks_Returns401()
    {
        var (authority, _, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        using var unpublished = RSA.Create(2048);

        using var response = await bot.PostAsync(
            BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(unpublished, "never-published", ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_KeyNotEndorsingChannel_Returns403()
    {
        var (authority, key, bot, handled) = await StartAsync("webchat");
        await using var _ = authority;
        await using var __ = bot;

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(key, Kid, ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(handled.Task.IsCompleted);
    }

    [Fact]
    public async Task Validate_KeyWithoutEndorsements_Returns403()
    {
        var authority = await TestTokenAuthority.StartAsync();
        await using var _ = authority;
        var key = authority.Publish(Kid, null);
        await using var bot = await BotHost.StartAsync(BotHost.AuthenticatedSettings(authority));

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(key, Kid, ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Validate_ServiceUrlClaimMismatch_Returns403()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var token = TestTokenAuthority.CreateToken(key, Kid, "https://smba.trafficmanager.net/amer/");

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Validate_MissingServiceUrlClaim_Returns403()
    {
        var (authority, key, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        var token = TestTokenAuthority.CreateToken(key, Kid, ServiceUrl, includeServiceUrl: false);

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Validate_InvalidToken_DoesNotStoreReference()
    {
        var (authority, _, bot, _) = await StartAsync();
        await using var _ = authority;
        await using var __ = bot;
        using var impostor = RSA.Create(2048);

        using var response = await bot.PostAsync(BotHost.Message(ServiceUrl), TestTokenAuthority.CreateToken(impostor, Kid, ServiceUrl));

        var store = bot.Services.GetRequiredService<ExpertBot.Bot.Storage.IConversationReferenceStore>();
        Assert.Null(await store.GetAsync("msteams", "a:1personal", CancellationToken.None));
    }

    internal static StringContent JsonContentOf(Activity activity) =>
        new(System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJson.Options), System.Text.Encoding.UTF8, "application/json");
}
