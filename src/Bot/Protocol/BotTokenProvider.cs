using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ExpertBot.Bot.Protocol;

/// <summary>The bearer token the bot attaches to Connector calls; null when calls go out without one (anonymous/local).</summary>
internal interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Anonymous mode: the Agents Playground's mock connector needs no token.</summary>
internal sealed class NoBotTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>
/// SingleTenant (authority = the bot's tenant) and MultiTenant (authority = botframework.com) with a client
/// secret. One long-lived MSAL application, so MSAL's app-token cache is reused and refreshed before expiry.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    internal const string Scope = "https://api.botframework.com/.default";
    private static readonly string[] Scopes = [Scope];
    private readonly IConfidentialClientApplication _application;

    /// <param name="httpClientFactory">For tests only: MSAL's HTTP, to answer like Entra ID does.</param>
    public MsalBotTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        var bot = options.Value;
        var tenant = bot.AppType == BotAppType.SingleTenant ? bot.TenantId : "botframework.com";
        var builder = ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithClientSecret(bot.ClientSecret)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}");
        _application = (httpClientFactory is null ? builder : builder.WithHttpClientFactory(httpClientFactory)).Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}

/// <summary>UserAssignedMSI: the managed identity whose client id is the bot's app id. Azure.Identity caches the token.</summary>
/// <param name="transport">For tests only: the HTTP transport, to answer like the managed identity endpoint does.</param>
internal sealed class ManagedIdentityBotTokenProvider(IOptions<BotOptions> options, HttpMessageHandler? transport = null) : IBotTokenProvider
{
    private static readonly TokenRequestContext Request = new([MsalBotTokenProvider.Scope]);
    private readonly ManagedIdentityCredential _credential = transport is null
        ? new(ManagedIdentityId.FromUserAssignedClientId(options.Value.AppId!))
        : new(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.Value.AppId!))
        {
            Transport = new Azure.Core.Pipeline.HttpClientTransport(transport),
            Retry = { MaxRetries = 0 },
        });

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(Request, cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
