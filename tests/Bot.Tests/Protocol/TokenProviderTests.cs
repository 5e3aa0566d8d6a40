using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ExpertBot.Bot.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ExpertBot.Bot.Tests.Protocol;

/// <summary>
/// The outbound token providers against fakes that answer like Entra ID's token endpoint and the managed identity
/// endpoint do, so the real MSAL and Azure.Identity code runs (request shape, authority, scope, caching).
/// </summary>
public sealed class TokenProviderTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    [Theory]
    [InlineData("SingleTenant", TenantId)]
    [InlineData("MultiTenant", "botframework.com")]
    public async Task Msal_ClientCredentials_RequestsBotFrameworkScopeFromTheRightAuthority(string appType, string expectedTenant)
    {
        var type = Enum.Parse<BotAppType>(appType);
        var entra = new FakeEntra();
        var provider = new MsalBotTokenProvider(
            Options.Create(new BotOptions { AppId = AppId, AppType = type, TenantId = TenantId, ClientSecret = "s3cret" }),
            entra);

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("entra-token-1", token);
        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal($"/{expectedTenant}/oauth2/v2.0/token", request.Path);
        Assert.Contains("grant_type=client_credentials", request.Body);
        Assert.Contains($"client_id={AppId}", request.Body);
        Assert.Contains("client_secret=s3cret", request.Body);
        Assert.Contains(Uri.EscapeDataString("https://api.botframework.com/.default"), request.Body);
    }

    [Fact]
    public async Task Msal_SecondCall_IsServedFromMsalsCache()
    {
        var entra = new FakeEntra();
        var provider = new MsalBotTokenProvider(
            Options.Create(new BotOptions { AppId = AppId, AppType = BotAppType.SingleTenant, TenantId = TenantId, ClientSecret = "s3cret" }),
            entra);

        await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("entra-token-1", second);
        Assert.Single(entra.TokenRequests);
    }

    [Fact]
    public async Task ManagedIdentity_UserAssigned_AsksForTheBotsClientIdAndResource()
    {
        var endpoint = new FakeManagedIdentityEndpoint();
        var provider = new ManagedIdentityBotTokenProvider(
            Options.Create(new BotOptions { AppId = AppId, AppType = BotAppType.UserAssignedMSI, TenantId = TenantId }),
            endpoint);

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-token", token);
        var request = Assert.Single(endpoint.Requests, r => r.Contains("/oauth2/token", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(new Uri(request).Query);
        Assert.StartsWith("http://169.254.169.254/metadata/identity/oauth2/token", request, StringComparison.Ordinal);
        Assert.Contains($"client_id={AppId}", query);
        Assert.Contains("resource=https://api.botframework.com", query);
    }

    private sealed record TokenRequest(string Path, string Body);

    /// <summary>Answers MSAL like login.microsoftonline.com: instance discovery, OpenID metadata, the token endpoint.</summary>
    private sealed class FakeEntra : HttpMessageHandler, IMsalHttpClientFactory
    {
        private int _tokens;
        public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                TokenRequests.Enqueue(new TokenRequest(path, await request.Content!.ReadAsStringAsync(cancellationToken)));
                return Json($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"entra-token-{{Interlocked.Increment(ref _tokens)}}"}""");
            }

            if (path.Contains("discovery/instance", StringComparison.Ordinal))
            {
                return Json("""{"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1","metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net"]}]}""");
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    /// <summary>Answers like the Azure Instance Metadata Service's managed identity token endpoint.</summary>
    private sealed class FakeManagedIdentityEndpoint : HttpMessageHandler
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri!.ToString());
            var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            return Task.FromResult(Json($$"""{"access_token":"msi-token","expires_on":"{{expiresOn}}","expires_in":"3600","resource":"https://api.botframework.com","token_type":"Bearer","client_id":"{{AppId}}"}"""));
        }
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
