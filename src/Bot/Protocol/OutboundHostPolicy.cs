using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// Which serviceUrl hosts may receive the bot's token (anti-SSRF). Public-cloud Bot Framework hosts and the
/// configured extras; loopback only in Development or when listed (127.0.0.1 / localhost).
/// </summary>
internal sealed class OutboundHostPolicy
{
    private static readonly string[] Defaults = ["smba.trafficmanager.net", "*.botframework.com"];
    private readonly string[] _patterns;
    private readonly bool _allowLoopback;

    public OutboundHostPolicy(IOptions<BotOptions> options, IHostEnvironment environment)
    {
        _patterns = [.. Defaults, .. options.Value.AllowedServiceUrlHosts];
        _allowLoopback = environment.IsDevelopment();
    }

    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost;
        if (BotTokenValidator.IsLoopback(uri))
        {
            return uri.Scheme is "http" or "https"
                && (_allowLoopback || _patterns.Any(p => string.Equals(p, host, StringComparison.OrdinalIgnoreCase)));
        }

        return uri.Scheme == Uri.UriSchemeHttps && _patterns.Any(p => Matches(p, host));
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
