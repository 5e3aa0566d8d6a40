using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ExpertBot.Bot.Protocol;

/// <summary>Outcome of checking the Authorization header, before the body is read.</summary>
internal abstract record TokenCheck
{
    private TokenCheck() { }

    /// <summary>Anonymous mode: no app id, and Development or <c>Bot:AllowAnonymous</c>.</summary>
    public sealed record Anonymous : TokenCheck;

    /// <summary>
    /// Signature, issuer, audience and lifetime are valid. <see cref="Endorsements"/> is null for authorities
    /// that don't endorse channels (Emulator); then only a present serviceurl claim is compared.
    /// </summary>
    public sealed record Valid(ClaimsIdentity Identity, string? ServiceUrlClaim, IReadOnlySet<string>? Endorsements) : TokenCheck;

    /// <summary>401: missing, malformed or invalid token.</summary>
    public sealed record Unauthorized(string Reason) : TokenCheck;

    /// <summary>503: the signing keys could not be fetched, so nothing can be validated.</summary>
    public sealed record Unavailable(string Reason) : TokenCheck;

    /// <summary>
    /// The checks that need the activity (Bot Framework auth step 4, req. 6 and 7): the signing key endorses
    /// the activity's channel and the token's serviceurl equals the activity's. Null when allowed, else the reason (403).
    /// </summary>
    public string? Authorize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (this is not Valid valid)
        {
            return this is Anonymous ? null : "not authenticated";
        }

        if (valid.Endorsements is { } endorsements)
        {
            if (activity.ChannelId is null || !endorsements.Contains(activity.ChannelId))
            {
                return "the signing key does not endorse the activity's channel";
            }

            if (valid.ServiceUrlClaim is null)
            {
                return "missing serviceurl claim";
            }
        }

        return valid.ServiceUrlClaim is not null
            && !string.Equals(valid.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            ? "the serviceurl claim does not match the activity's serviceUrl"
            : null;
    }
}

/// <summary>
/// Validates the Connector's bearer tokens (Bot Framework "connector to bot" authentication). Keys come from
/// the OpenID metadata through IdentityModel's <see cref="ConfigurationManager{T}"/> (cached, refreshed every
/// 12 h); a token with an unknown key id forces one refresh before it is rejected, because keys rotate.
/// </summary>
internal sealed class BotTokenValidator
{
    public const string ServiceUrlClaim = "serviceurl";
    internal const string MetadataHttpClient = "ExpertBot.Bot.OpenIdMetadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Authority[] _authorities;

    public BotTokenValidator(
        IOptions<BotOptions> options,
        IHostEnvironment environment,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        IsAnonymous = !_options.HasAppId && (environment.IsDevelopment() || _options.AllowAnonymous);

        var http = httpClientFactory.CreateClient(MetadataHttpClient);
        var botFramework = new Authority(
            CreateManager(_options.OpenIdMetadataUrl, http),
            [BotOptions.BotFrameworkIssuer, .. _options.AdditionalIssuers],
            EndorsesChannels: true);
        _authorities =
        [
            botFramework,
            .. _options.ExtraAuthorities.Select(a => new Authority(CreateManager(a.MetadataUrl, http), [.. a.Issuers], EndorsesChannels: false)),
        ];
    }

    public bool IsAnonymous { get; }

    public async Task<TokenCheck> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (IsAnonymous)
        {
            // Without an app id there is no audience to check a token against; local tools send none.
            return new TokenCheck.Anonymous();
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return new TokenCheck.Unauthorized("missing Authorization header");
        }

        if (!authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenCheck.Unauthorized("not a Bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or JsonException or FormatException)
        {
            return new TokenCheck.Unauthorized("malformed token");
        }

        var issuer = jwt.Issuer;
        var authority = Array.Find(_authorities, a => a.Issuers.Contains(issuer, StringComparer.Ordinal));
        if (authority is null)
        {
            return new TokenCheck.Unauthorized("untrusted issuer");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await authority.Manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            var keyId = KeyIdOf(jwt);
            if (keyId is not null && FindKey(configuration, keyId) is null)
            {
                configuration = await ForceRefreshAsync(authority, configuration, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException ex)
        {
            Log.OpenIdMetadataUnavailable(_logger, authority.Manager.MetadataAddress, ex);
            return new TokenCheck.Unavailable("signing keys unavailable");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(authority, configuration)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return new TokenCheck.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        var signingKeyId = result.SecurityToken is JsonWebToken validated ? KeyIdOf(validated) : null;
        IReadOnlySet<string>? endorsements = null;
        if (authority.EndorsesChannels)
        {
            endorsements = signingKeyId is not null && FindKey(configuration, signingKeyId) is { } key
                ? Endorsements(key)
                : new HashSet<string>();
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        return new TokenCheck.Valid(result.ClaimsIdentity, serviceUrl, endorsements);
    }

    private TokenValidationParameters Parameters(Authority authority, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = authority.Issuers,
        ValidateIssuer = true,
        ValidAudience = _options.AppId,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        // The key that signed must be the one named by kid: its endorsements are checked next.
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
    };

    private async Task<OpenIdConnectConfiguration> ForceRefreshAsync(
        Authority authority, OpenIdConnectConfiguration current, CancellationToken cancellationToken)
    {
        // One forced refresh per RefreshInterval: a flood of tokens with made-up key ids must not turn
        // into a flood of metadata downloads, nor make every request wait.
        var now = _time.GetUtcNow();
        lock (authority)
        {
            if (now - authority.LastForcedRefresh < authority.Manager.RefreshInterval)
            {
                return current;
            }

            authority.LastForcedRefresh = now;
        }

        Log.SigningKeyRefresh(_logger, authority.Manager.MetadataAddress);
        authority.Manager.RequestRefresh();

        // IdentityModel 8 refreshes on a background task; wait (bounded) for the new document.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RefreshWait);
        try
        {
            while (true)
            {
                var configuration = await authority.Manager.GetConfigurationAsync(timeout.Token).ConfigureAwait(false);
                if (!ReferenceEquals(configuration, current))
                {
                    return configuration;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(25), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return current;
        }
    }

    private static string? KeyIdOf(JsonWebToken token) =>
        !string.IsNullOrEmpty(token.Kid) ? token.Kid : !string.IsNullOrEmpty(token.X5t) ? token.X5t : null;

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k =>
            string.Equals(k.Kid, keyId, StringComparison.Ordinal) || string.Equals(k.X5t, keyId, StringComparison.Ordinal));

    /// <summary>The non-standard <c>endorsements</c> array of a JWKS key (e.g. <c>["msteams", "webchat"]</c>).</summary>
    internal static HashSet<string> Endorsements(JsonWebKey key)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return result;
        }

        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } element:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s)
                    {
                        result.Add(s);
                    }
                }

                break;
            case string single:
                result.Add(single);
                break;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { } s)
                    {
                        result.Add(s);
                    }
                }

                break;
        }

        return result;
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl, HttpClient http)
    {
        var uri = new Uri(metadataUrl);
        // HTTPS is required except for a loopback metadata server (tests, local tooling).
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !IsLoopback(uri) };
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    private sealed record Authority(ConfigurationManager<OpenIdConnectConfiguration> Manager, string[] Issuers, bool EndorsesChannels)
    {
        public DateTimeOffset LastForcedRefresh { get; set; } = DateTimeOffset.MinValue;
    }
}
