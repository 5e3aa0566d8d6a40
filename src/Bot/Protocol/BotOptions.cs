using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

internal enum BotAppType
{
    MultiTenant = 0,
    SingleTenant = 1,
    UserAssignedMSI = 2,
}

/// <summary>Section <c>Bot</c>. <see cref="ClientSecret"/> comes from environment variables or user-secrets only.</summary>
internal sealed class BotOptions
{
    public const string Section = "Bot";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra app id (or the MSI client id); the audience of incoming tokens. Empty = anonymous (see <see cref="AllowAnonymous"/>).</summary>
    public string? AppId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>Required for SingleTenant and UserAssignedMSI.</summary>
    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Accept requests without a token outside Development. Logged as a warning at start.</summary>
    public bool AllowAnonymous { get; set; }

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Budget of one background turn (message, conversationUpdate, …).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an invoke may run before the POST is answered with <see cref="InvokeStillWorkingMessage"/>; Teams gives 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:15")]
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Shown to the user when an <c>adaptiveCard/action</c> handler overruns <see cref="InvokeTimeout"/>.</summary>
    [Required]
    public string InvokeStillWorkingMessage { get; set; } = "Even geduld, ik ben ermee bezig.";

    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadataUrl;

    /// <summary>Issuers accepted besides <c>https://api.botframework.com</c> for tokens signed by the metadata's keys.</summary>
    public List<string> AdditionalIssuers { get; set; } = [];

    /// <summary>
    /// Extra token authorities (e.g. the Emulator's Entra issuers with their own metadata). Off unless configured.
    /// Their tokens skip the endorsement check; the serviceurl claim is checked when present.
    /// </summary>
    public List<TokenAuthorityOptions> ExtraAuthorities { get; set; } = [];

    /// <summary>Outbound hosts allowed besides <c>smba.trafficmanager.net</c> and <c>*.botframework.com</c>; <c>*.example.com</c> wildcards allowed.</summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Background turns that run at the same time, each in a different conversation (a conversation's turns run
    /// one at a time, in order). Turns mostly wait on storage and the connector, so this is well above the core count.
    /// </summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Teams: 7 sends per second per conversation (thread).</summary>
    [Range(1, 1000)]
    public int MessagesPerSecondPerConversation { get; set; } = 7;

    /// <summary>Teams: 50 requests per second per app per tenant.</summary>
    [Range(1, 10_000)]
    public int RequestsPerSecondPerTenant { get; set; } = 50;

    internal bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
}

internal sealed class TokenAuthorityOptions
{
    [Required, Url]
    public string MetadataUrl { get; set; } = "";

    [MinLength(1)]
    public List<string> Issuers { get; set; } = [];
}

/// <summary>The cross-field rules DataAnnotations can't express, and the start-up refusal without an app id.</summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment, IConfiguration? configuration = null)
    : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!options.HasAppId)
        {
            if (!environment.IsDevelopment() && !options.AllowAnonymous)
            {
                failures.Add($"{BotOptions.Section}:{nameof(BotOptions.AppId)} is not configured. Set it (with " +
                    $"{BotOptions.Section}:{nameof(BotOptions.AppType)} and credentials), or set " +
                    $"{BotOptions.Section}:{nameof(BotOptions.AllowAnonymous)}=true for local testing only.");
            }
        }
        else
        {
            if (options.AllowAnonymous)
            {
                failures.Add($"{BotOptions.Section}:{nameof(BotOptions.AllowAnonymous)} cannot be combined with " +
                    $"{BotOptions.Section}:{nameof(BotOptions.AppId)}: with an app id every request must carry a valid token.");
            }

            switch (options.AppType)
            {
                case BotAppType.SingleTenant when string.IsNullOrWhiteSpace(options.TenantId):
                    failures.Add($"{BotOptions.Section}:{nameof(BotOptions.TenantId)} is required for AppType SingleTenant.");
                    break;
                case BotAppType.SingleTenant or BotAppType.MultiTenant when string.IsNullOrWhiteSpace(options.ClientSecret):
                    failures.Add($"{BotOptions.Section}:{nameof(BotOptions.ClientSecret)} is required for AppType {options.AppType} " +
                        "(set it through an environment variable or user-secrets).");
                    break;
                case BotAppType.UserAssignedMSI when !string.IsNullOrEmpty(options.ClientSecret):
                    failures.Add($"{BotOptions.Section}:{nameof(BotOptions.ClientSecret)} must be empty for AppType UserAssignedMSI.");
                    break;
            }
        }

        if (SecretFromCommittedFile(configuration) is { } file)
        {
            failures.Add($"{BotOptions.Section}:{nameof(BotOptions.ClientSecret)} was found in '{file}'. " +
                "Secrets come from environment variables or user-secrets only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A secret in appsettings*.json ends up in the repository or the image; user-secrets' secrets.json does not.
    private static string? SecretFromCommittedFile(IConfiguration? configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        const string key = $"{BotOptions.Section}:{nameof(BotOptions.ClientSecret)}";
        foreach (var provider in root.Providers)
        {
            if (provider is JsonConfigurationProvider json
                && json.TryGet(key, out var value) && !string.IsNullOrEmpty(value)
                && !string.Equals(Path.GetFileName(json.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase))
            {
                return json.Source.Path;
            }
        }

        return null;
    }
}
