using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.LanguageModel;

/// <summary>
/// Section <c>AzureOpenAI</c>. Off unless <see cref="Endpoint"/> is set; then <see cref="Deployment"/> and exactly one
/// credential (<see cref="ApiKey"/> or <see cref="UseManagedIdentity"/>) are required.
/// </summary>
internal sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>. http only on loopback (tests).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment's name (a model with structured outputs, e.g. gpt-4o-mini 2024-07-18 or later).</summary>
    public string? Deployment { get; set; }

    /// <summary>From environment variables or user-secrets only; refused in appsettings files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Authenticate with the host's managed identity (Azure.Identity) instead of a key.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty = the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Budget for all model work in one turn; after it the embedded answer is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How many questions' model results are kept in memory.</summary>
    [Range(1, 1_000_000)]
    public int CacheSize { get; set; } = 1000;

    /// <summary>How long a cached result is used (within the day it belongs to: the day is part of the key).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(12);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>Rules the data annotations cannot express; every message names the offending key, never a secret's value.</summary>
internal sealed class AzureOpenAIOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<AzureOpenAIOptions>
{
    private const string S = AzureOpenAIOptions.Section;

    public ValidateOptionsResult Validate(string? name, AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.Deployment) || !string.IsNullOrEmpty(options.ApiKey) || options.UseManagedIdentity)
            {
                failures.Add($"{S}:Endpoint is required when other {S} settings are given (without it Azure OpenAI stays off).");
            }
        }
        else
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
                || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && IsLoopback(endpoint))))
            {
                failures.Add($"{S}:Endpoint must be an absolute https URI, e.g. https://my-resource.openai.azure.com/ (http only on loopback).");
            }

            if (string.IsNullOrWhiteSpace(options.Deployment))
            {
                failures.Add($"{S}:Deployment is required when {S}:Endpoint is set.");
            }

            var hasKey = !string.IsNullOrEmpty(options.ApiKey);
            if (hasKey == options.UseManagedIdentity)
            {
                failures.Add($"{S}:ApiKey or {S}:UseManagedIdentity=true is required when {S}:Endpoint is set (exactly one of them).");
            }

            if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && !options.UseManagedIdentity)
            {
                failures.Add($"{S}:ManagedIdentityClientId needs {S}:UseManagedIdentity=true.");
            }
        }

        // Also checked by the annotations; repeated here so the message names the key as it is configured.
        if (options.Timeout < TimeSpan.FromMilliseconds(50) || options.Timeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{S}:Timeout must be between 00:00:00.050 and 00:00:30 (it is the model's budget within a turn).");
        }

        if (options.CacheSize < 1)
        {
            failures.Add($"{S}:CacheSize must be at least 1.");
        }

        if (KeyInCommittedFile(configuration) is { } file)
        {
            failures.Add($"{S}:ApiKey was found in '{file}'. Secrets come from environment variables or user-secrets only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // A key in appsettings*.json ends up in the repository or the image; user-secrets' secrets.json does not.
    private static string? KeyInCommittedFile(IConfiguration? configuration) =>
        (configuration as IConfigurationRoot)?.Providers
            .OfType<JsonConfigurationProvider>()
            .FirstOrDefault(json => json.TryGet($"{S}:ApiKey", out var value) && !string.IsNullOrEmpty(value)
                && !string.Equals(Path.GetFileName(json.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase))
            ?.Source.Path;
}
